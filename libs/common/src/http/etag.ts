import { createHash } from 'node:crypto';

// A record's ETag is its version and a digest of the representation: `"3.1f0c…"`. The version
// is what If-Match checks (a write is refused when the record moved on); the digest makes it an
// honest strong validator, because a representation also shows things that change without the
// record's version (an article's quotes, a quote's verdict), and a 304 must never hide them.
export function versionEtag(version: number, body: unknown): string {
  const digest = createHash('sha256').update(JSON.stringify(body)).digest('hex').slice(0, 16);
  return `"${version}.${digest}"`;
}

// The version in an If-Match header ("3", "3.1f0c…", or weak W/"3"); null when the header is
// not one of ours.
export function etagVersion(header: string): number | null {
  const given = header.replace(/^W\//, '').replace(/"/g, '').trim();
  const match = /^(\d+)(?:\.[0-9a-f]{1,64})?$/.exec(given);
  return match ? Number(match[1]) : null;
}
