import request from 'supertest';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ApiKeysService } from '@app/auth';
import { createTestApp, TestApp } from '../harness/test-app';
import { sql } from '../harness/sql';

const CLI = join(__dirname, '..', '..', 'dist', 'apps', 'cli', 'src', 'main.js');
const ROOT = join(__dirname, '..', '..');

// Polls until the app refuses `key`; the time from `since` to the first 401.
async function refusedAfter(t: TestApp, key: string, since: number): Promise<number> {
  for (;;) {
    const res = await request(t.http).get('/api/v1/articles').set('Authorization', `Bearer ${key}`);
    if (res.status === 401) return Date.now() - since;
    expect(res.status).toBe(200);
    if (Date.now() - since > 5_000) return Infinity;
    await new Promise((r) => setTimeout(r, 20));
  }
}

const errorShape = (status: number) =>
  expect.objectContaining({
    statusCode: status,
    error: expect.any(String),
    message: expect.any(String),
    requestId: expect.any(String),
  });

describe('revocation reaches a running server within a second', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  async function cachedKey(): Promise<{ id: string; key: string }> {
    const made = await t.app.get(ApiKeysService).create(`k-${Date.now()}`, 'journalist');
    // Used twice: the second answer comes from the cache.
    for (let i = 0; i < 2; i++)
      await request(t.http)
        .get('/api/v1/articles')
        .set('Authorization', `Bearer ${made.key}`)
        .expect(200);
    return made;
  }

  it('a key revoked by another connection (plain SQL) is refused within 1 s', async () => {
    const { id, key } = await cachedKey();
    const since = Date.now();
    await sql(t.db.url, 'UPDATE api_key SET revoked_at = now() WHERE id = $1', [id]);
    expect(await refusedAfter(t, key, since)).toBeLessThan(1_000);
  });

  it('a key deleted by another connection is refused within 1 s', async () => {
    const { id, key } = await cachedKey();
    const since = Date.now();
    await sql(t.db.url, 'DELETE FROM api_key WHERE id = $1', [id]);
    expect(await refusedAfter(t, key, since)).toBeLessThan(1_000);
  });

  (existsSync(CLI) ? it : it.skip)(
    'a key revoked with the CLI (another process) is refused within 1 s of its exit',
    async () => {
      const { id, key } = await cachedKey();
      await promisify(execFile)(process.execPath, [CLI, 'keys', 'revoke', id], {
        cwd: ROOT,
        env: {
          ...process.env,
          DATABASE_URL: t.db.url,
          MIGRATIONS_RUN: 'false',
          LOG_LEVEL: 'silent',
        },
      });
      const since = Date.now();
      expect(await refusedAfter(t, key, since)).toBeLessThan(1_000);
    },
    30_000,
  );

  it('when the listener connection dies, a revocation is still refused within 1 s', async () => {
    const { id, key } = await cachedKey();
    await sql(
      t.db.url,
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
        WHERE application_name = 'quote-ledger-key-changes' AND datname = current_database()`,
    );
    const since = Date.now();
    await sql(t.db.url, 'UPDATE api_key SET revoked_at = now() WHERE id = $1', [id]);
    expect(await refusedAfter(t, key, since)).toBeLessThan(1_000);
    // And it comes back: a fresh key is cached and a revocation heard again.
    await new Promise((r) => setTimeout(r, 500));
    const rows = await sql<{ n: string }>(
      t.db.url,
      `SELECT count(*) AS n FROM pg_stat_activity
        WHERE application_name = 'quote-ledger-key-changes' AND datname = current_database()`,
    );
    expect(Number(rows[0].n)).toBe(1);
    const again = await cachedKey();
    const later = Date.now();
    await sql(t.db.url, 'UPDATE api_key SET revoked_at = now() WHERE id = $1', [again.id]);
    expect(await refusedAfter(t, again.key, later)).toBeLessThan(1_000);
  });
});

describe('failed authentication is limited per address', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ AUTH_FAILURES_PER_MINUTE: '20' });
  });
  afterAll(() => t.close());

  it('20 wrong keys a minute answer 401, then 429 with Retry-After, even for a right key', async () => {
    for (let i = 0; i < 20; i++) {
      const res = await request(t.http)
        .get('/api/v1/articles')
        .set('Authorization', `Bearer wrong-key-${i}-0123456789`);
      expect(res.status).toBe(401);
    }
    const blocked = await request(t.http)
      .get('/api/v1/articles')
      .set('Authorization', 'Bearer wrong-key-x-0123456789');
    expect(blocked.status).toBe(429);
    expect(blocked.body).toEqual(errorShape(429));
    expect(blocked.body.message).toMatch(/Too many failed authentication attempts/);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(Number(blocked.headers['retry-after'])).toBeLessThanOrEqual(60);
    expect(blocked.headers['ratelimit-remaining']).toBe('0');
    const right = await request(t.http).get('/api/v1/articles').set(t.as('admin'));
    expect(right.status).toBe(429);
    // Without a key nothing is guessed: reads stay open.
    await request(t.http).get('/api/v1/articles').expect(200);
  });
});

describe('rate limits follow the conventions', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ RATE_LIMIT_READS: '3', RATE_LIMIT_WRITES: '2' });
  });
  afterAll(() => t.close());

  it('one quota per key across routes, RateLimit headers, then 429 with Retry-After', async () => {
    const paths = ['/api/v1/articles', '/api/v1/quotes', '/api/v1/claims'];
    for (const [i, path] of paths.entries()) {
      const res = await request(t.http).get(path).set(t.as('journalist')).expect(200);
      expect(res.headers['ratelimit-limit']).toBe('3');
      expect(res.headers['ratelimit-remaining']).toBe(String(2 - i));
      expect(Number(res.headers['ratelimit-reset'])).toBeGreaterThan(0);
      expect(res.headers['ratelimit-policy']).toMatch(/^3;w=60/);
    }
    const res = await request(t.http).get('/api/v1/speakers?q=x').set(t.as('journalist'));
    expect(res.status).toBe(429);
    expect(res.body).toEqual(errorShape(429));
    expect(res.body.message).toMatch(/^Too many requests: at most 3 reads a minute per key/);
    expect(Number(res.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(res.headers['ratelimit-remaining']).toBe('0');
    expect(Object.keys(res.headers).filter((h) => /^retry-after-|^x-ratelimit/.test(h))).toEqual(
      [],
    );
    // Another key has its own quota.
    await request(t.http).get('/api/v1/articles').set(t.as('reviewer')).expect(200);
  });

  it('writes have their own quota, with Retry-After on the 429', async () => {
    const send = () =>
      request(t.http).post('/api/v1/extract').set(t.as('admin')).send({ body: 'Text.' });
    expect((await send()).status).toBe(200);
    expect((await send()).status).toBe(200);
    const res = await send();
    expect(res.status).toBe(429);
    expect(res.headers['retry-after']).toMatch(/^\d+$/);
    expect(res.body.message).toMatch(/at most 2 writes a minute per key/);
  });
});
