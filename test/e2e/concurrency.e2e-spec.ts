import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { createTestApp, TestApp } from '../harness/test-app';
import { createTestDatabase, TestDatabase } from '../harness/test-database';
import { sql } from '../harness/sql';
import { freePort, spawnApi, SpawnedApi } from '../harness/spawn-api';

// Races between writers: whatever the interleaving, each request answers 2xx or a 4xx conflict
// (never a 5xx), and the final state is consistent. Requests are fired together; the assertions
// hold for every interleaving, so nothing here depends on timing.

interface Reply {
  status: number;
  body: Record<string, unknown>;
}

type Client = (method: string, path: string, body?: unknown) => Promise<Reply>;

function client(base: string, key: string): Client {
  return async (method, path, body) => {
    const res = await fetch(`${base}/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };
}

// Distinct made-up people (a random surname each), so that each test owns its speakers.
function people(n: number): string[] {
  const first = ['Alice', 'Boris', 'Carla', 'Dmitri', 'Edith', 'Farid', 'Greta', 'Hugo'];
  return Array.from({ length: n }, (_, i) => {
    const letters = [...randomBytes(7)].map((b) => 'abcdefghijklmnopqrstuvwxyz'[b % 26]).join('');
    return `${first[i % first.length]} ${letters[0].toUpperCase()}${letters.slice(1)}`;
  });
}

// One quote per name, in the given order.
const article = (names: string[], topic: string) =>
  names
    .map(
      (name, i) =>
        `"The ${topic} plan number ${i} needs more work before the vote," said ${name}, a senator.`,
    )
    .join('\n\n');

function expectErrorShape(r: Reply, status: number): void {
  expect(r.body).toEqual(
    expect.objectContaining({
      statusCode: status,
      error: expect.any(String),
      message: expect.any(String),
      requestId: expect.any(String),
    }),
  );
}

async function speakerIds(dbUrl: string, names: string[]): Promise<string[]> {
  const ids: string[] = [];
  for (const name of names) {
    const rows = await sql<{ id: string }>(dbUrl, `SELECT id FROM speaker WHERE name = $1`, [name]);
    expect(rows).toHaveLength(1);
    ids.push(rows[0].id);
  }
  return ids;
}

async function quotesOf(dbUrl: string, ids: string[]): Promise<number> {
  const [row] = await sql<{ n: string }>(
    dbUrl,
    `SELECT count(*) AS n FROM quote WHERE speaker_id = ANY($1::uuid[])`,
    [ids],
  );
  return Number(row.n);
}

describe('races answer 2xx or 4xx, never 5xx (in-process app)', () => {
  let t: TestApp;
  let api: Client;

  beforeAll(async () => {
    t = await createTestApp();
    await t.app.listen(0, '127.0.0.1');
    const { port } = t.app.getHttpServer().address() as AddressInfo;
    api = client(`http://127.0.0.1:${port}`, t.keys.reviewer);
  });
  afterAll(() => t.close());

  async function ingest(names: string[], topic: string): Promise<string[]> {
    const r = await api('POST', '/articles', { body: article(names, topic) });
    expect(r.status).toBe(201);
    return speakerIds(t.db.url, names);
  }

  it('crossed merges (A←B with B←A): one 200, the other 404 (its target merged away)', async () => {
    for (let round = 0; round < 5; round++) {
      const names = people(2);
      const [a, b] = await ingest(names, `crossed ${round}`);
      const replies = await Promise.all([
        api('POST', `/speakers/${a}/merge`, { from: [b] }),
        api('POST', `/speakers/${b}/merge`, { from: [a] }),
      ]);
      const statuses = replies.map((r) => r.status).sort();
      expect(statuses).toEqual([200, 404]);
      expectErrorShape(replies.find((r) => r.status === 404) as Reply, 404);
      const survivors = await sql<{ id: string }>(
        t.db.url,
        `SELECT id FROM speaker WHERE id = ANY($1::uuid[])`,
        [[a, b]],
      );
      expect(survivors).toHaveLength(1);
      expect(await quotesOf(t.db.url, [survivors[0].id])).toBe(2);
    }
  });

  it('three-way cycles (A←B, B←C, C←A): 200s and 404/409s, one speaker holds every quote', async () => {
    for (let round = 0; round < 5; round++) {
      const names = people(3);
      const ids = await ingest(names, `cycle ${round}`);
      const replies = await Promise.all(
        ids.map((into, i) => api('POST', `/speakers/${into}/merge`, { from: [ids[(i + 1) % 3]] })),
      );
      for (const r of replies) {
        expect([200, 404, 409]).toContain(r.status);
        if (r.status !== 200) expectErrorShape(r, r.status);
      }
      const survivors = await sql<{ id: string }>(
        t.db.url,
        `SELECT id FROM speaker WHERE id = ANY($1::uuid[])`,
        [ids],
      );
      // A cycle of three merges leaves one or two speakers, never none; no quote is lost.
      expect(survivors.length).toBeGreaterThanOrEqual(1);
      expect(survivors.length).toBeLessThanOrEqual(2);
      expect(replies.filter((r) => r.status === 200)).toHaveLength(3 - survivors.length);
      expect(
        await quotesOf(
          t.db.url,
          survivors.map((s) => s.id),
        ),
      ).toBe(3);
      const [audit] = await sql<{ n: string }>(
        t.db.url,
        `SELECT count(*) AS n FROM audit_log WHERE action = 'speaker.merge' AND target_id = ANY($1::text[])`,
        [ids],
      );
      expect(Number(audit.n)).toBe(3 - survivors.length);
    }
  });

  it('one duplicate merged into two targets at once: one 200, the other 404 or 409', async () => {
    const [a, b, c] = await ingest(people(3), 'duplicate');
    const replies = await Promise.all([
      api('POST', `/speakers/${a}/merge`, { from: [c] }),
      api('POST', `/speakers/${b}/merge`, { from: [c] }),
    ]);
    const statuses = replies.map((r) => r.status).sort();
    expect(statuses[0]).toBe(200);
    expect([404, 409]).toContain(statuses[1]);
    expectErrorShape(replies.find((r) => r.status !== 200) as Reply, statuses[1]);
    expect(await quotesOf(t.db.url, [a, b])).toBe(3);
  });

  it('20 parallel claims from one quote: one 201, nineteen 409, exactly one claim', async () => {
    const [speaker] = await ingest(people(1), 'claims');
    const [{ id: quoteId }] = await sql<{ id: string }>(
      t.db.url,
      `SELECT id FROM quote WHERE speaker_id = $1`,
      [speaker],
    );
    const replies = await Promise.all(
      Array.from({ length: 20 }, () => api('POST', '/claims', { quoteId })),
    );
    const created = replies.filter((r) => r.status === 201);
    expect(created).toHaveLength(1);
    for (const r of replies.filter((x) => x.status !== 201)) {
      expect(r.status).toBe(409);
      expectErrorShape(r, 409);
      expect(r.body.details).toMatchObject({
        code: 'CLAIM_EXISTS',
        existingId: created[0].body.id,
      });
    }
    const claims = await sql(t.db.url, `SELECT id FROM claim WHERE quote_id = $1`, [quoteId]);
    expect(claims).toHaveLength(1);
  });

  it('claims and a merge of their speaker at once: only 2xx, 409 or 422, every claim kept', async () => {
    const [a, b] = await ingest(people(2), 'claims and merge');
    const [{ id: quoteId }] = await sql<{ id: string }>(
      t.db.url,
      `SELECT id FROM quote WHERE speaker_id = $1`,
      [b],
    );
    const replies = await Promise.all([
      ...Array.from({ length: 5 }, (_, i) =>
        api('POST', '/claims', { quoteId, start: i, end: 20 + i }),
      ),
      api('POST', `/speakers/${a}/merge`, { from: [b] }),
    ]);
    for (const r of replies) expect([200, 201, 409, 422]).toContain(r.status);
    expect(replies[5].status).toBe(200);
    const created = replies.filter((r) => r.status === 201).map((r) => r.body.id);
    const rows = await sql<{ id: string; speaker_id: string }>(
      t.db.url,
      `SELECT id, speaker_id FROM claim WHERE id = ANY($1::uuid[])`,
      [created],
    );
    expect(rows).toHaveLength(created.length);
    // The merge moved every committed claim to the survivor.
    for (const row of rows) expect(row.speaker_id).toBe(a);
  });
});

// The built app as production runs it (dist/, its own pool, its own migrations check), on a
// database of the test server.
describe('parallel ingest over the built app', () => {
  const key = 'concurrency-admin-key-0123456789';
  let db: TestDatabase;
  let app: SpawnedApi;
  let api: Client;

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await spawnApi(await freePort(), {
      ...process.env,
      DATABASE_URL: db.url,
      MIGRATION_DATABASE_URL: db.ownerUrl,
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      SEED_ON_START: 'false',
      BOOTSTRAP_ADMIN_KEY: key,
      RATE_LIMIT_WRITES: '0',
      RATE_LIMIT_READS: '0',
    });
    const base = app.base;
    api = client(base, key);
  }, 90_000);

  afterAll(async () => {
    await app?.stop();
    await db.drop();
  });

  it('8 articles that name the same people in different orders: all 201, one speaker per name', async () => {
    const names = people(6);
    // Each article names the six people in its own order, so ingests that locked names in the
    // order of the text would wait on each other in a cycle.
    const orders = Array.from({ length: 8 }, (_, i) =>
      names.map((_, j) => names[(j * (i % 2 ? 5 : 1) + i) % names.length]),
    );
    const replies = await Promise.all(
      orders.map((order, i) => api('POST', '/articles', { body: article(order, `shared ${i}`) })),
    );
    expect(replies.map((r) => r.status)).toEqual(Array(8).fill(201));
    const ids = await speakerIds(db.url, names);
    expect(await quotesOf(db.url, ids)).toBe(48);
    // Every quote is where it was said, and none of the ingests needed a second attempt.
    const [occ] = await sql<{ n: string }>(db.url, `SELECT count(*) AS n FROM quote_occurrence`);
    expect(Number(occ.n)).toBe(48);
    expect(app.output()).not.toMatch(/transaction retried/);
  });

  it('crossed merges over HTTP: one 200 and one 404, no 5xx', async () => {
    const names = people(2);
    const r = await api('POST', '/articles', { body: article(names, 'built crossed') });
    expect(r.status).toBe(201);
    const [a, b] = await speakerIds(db.url, names);
    const replies = await Promise.all([
      api('POST', `/speakers/${a}/merge`, { from: [b] }),
      api('POST', `/speakers/${b}/merge`, { from: [a] }),
    ]);
    expect(replies.map((x) => x.status).sort()).toEqual([200, 404]);
  });
});
