import { createHash, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

const KEY_LEN = 32;
const PARAMS = { N: 16384, r: 8, p: 1 };

function scryptAsync(secret: string, salt: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(secret, salt, KEY_LEN, PARAMS, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

// A new random key, e.g. ql_3Jf…: 256 bits, URL-safe.
export function generateKey(): string {
  return `ql_${randomBytes(32).toString('base64url')}`;
}

// A short fragment of a fast hash, to find the row; the scrypt hash proves the key.
export function lookupOf(key: string): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 16);
}

export async function hashKey(key: string): Promise<string> {
  const salt = randomBytes(16);
  return `scrypt$${PARAMS.N}$${salt.toString('base64url')}$${(await scryptAsync(key, salt)).toString('base64url')}`;
}

export async function verifyKey(key: string, stored: string): Promise<boolean> {
  const [scheme, , salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const actual = await scryptAsync(key, Buffer.from(salt, 'base64url'));
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
