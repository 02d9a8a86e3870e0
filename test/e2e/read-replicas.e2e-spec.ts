import { parse } from 'csv-parse/sync';
import { createTestDatabase, TestDatabase } from '../harness/test-database';
import { sql } from '../harness/sql';
import { childEnv, freePort, spawnApi } from '../harness/spawn-api';

// DATABASE_REPLICA_URLS on the built app (dist/apps/api/src/main.js). Two databases on the test
// server stand in for a primary (A) and its read replica (B). B is not a copy of A: it holds a
// quote of its own that A never had, so every answer shows which database it came from. Lookups
// and exports must come from B; writes, and reads that must see them, from A.
const ADMIN_KEY = 'replica-test-admin-key-0123456789';

interface Running {
  api(
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<Response>;
  stop(): Promise<void>;
}

async function start(db: TestDatabase, env: Record<string, string> = {}): Promise<Running> {
  const app = await spawnApi(
    await freePort(),
    childEnv(
      {
        DATABASE_URL: db.url,
        MIGRATION_DATABASE_URL: db.ownerUrl,
        HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
        SEED_ON_START: 'false',
        WORKER_IN_PROCESS: 'false',
        BOOTSTRAP_ADMIN_KEY: ADMIN_KEY,
        RATE_LIMIT_WRITES: '0',
        RATE_LIMIT_READS: '0',
        ...env,
      },
      ['DATABASE_REPLICA_URLS'],
    ),
  );
  return {
    api: (method, path, body, headers = {}) =>
      fetch(`${app.base}/api/v1${path}`, {
        method,
        headers: {
          Authorization: `Bearer ${ADMIN_KEY}`,
          'Content-Type': 'application/json',
          ...headers,
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
    stop: async () => {
      await app.stop();
    },
  };
}

const ARTICLE = (word: string, name: string) => ({
  body: `“${word} is the word of the day in this newsroom,” said ${name}, who runs it.`,
});

describe('read replicas (DATABASE_REPLICA_URLS)', () => {
  let primary: TestDatabase;
  let replica: TestDatabase;
  let app: Running;
  let primaryQuoteId: string;

  beforeAll(async () => {
    [primary, replica] = [await createTestDatabase(), await createTestDatabase()];
    // The replica's own quote, written by the app on it alone.
    const onReplica = await start(replica);
    try {
      const res = await onReplica.api('POST', '/articles', ARTICLE('Bravo', 'Bob Rivers'));
      expect(res.status).toBe(201);
    } finally {
      await onReplica.stop();
    }
    app = await start(primary, { DATABASE_REPLICA_URLS: replica.url });
  }, 120_000);
  afterAll(async () => {
    await app?.stop();
    await primary.drop();
    await replica.drop();
  });

  it('writes to the primary, and answers the write from it', async () => {
    const res = await app.api('POST', '/articles', ARTICLE('Alpha', 'Alice Prior'));
    expect(res.status).toBe(201);
    const body = (await res.json()) as { articles: { quotes: { quoteId: string }[] }[] };
    primaryQuoteId = body.articles[0].quotes[0].quoteId;
    const texts = async (db: TestDatabase) =>
      (await sql<{ text: string }>(db.ownerUrl, 'SELECT text FROM quote ORDER BY text')).map(
        (r) => r.text.split(' ')[0],
      );
    expect(await texts(primary)).toEqual(['Alpha']);
    expect(await texts(replica)).toEqual(['Bravo']);
  });

  it('searches, looks up and lists on the replica', async () => {
    const hits = async (path: string) =>
      ((await (await app.api('GET', path)).json()) as { items: { text: string }[] }).items;
    expect((await hits('/quotes?q=Bravo')).map((q) => q.text)).toEqual([
      'Bravo is the word of the day in this newsroom,',
    ]);
    expect(await hits('/quotes?q=Alpha')).toEqual([]);
    expect((await hits('/quotes')).length).toBe(1);
    const lookup = (await (
      await app.api(
        'GET',
        `/quotes/lookup?text=${encodeURIComponent('Bravo is the word of the day')}`,
      )
    ).json()) as { text: string; speaker: { name: string } }[];
    expect(lookup.map((h) => h.speaker.name)).toEqual(['Bob Rivers']);
    const speakers = (await (await app.api('GET', '/speakers?q=Rivers')).json()) as {
      name: string;
    }[];
    expect(speakers.map((s) => s.name)).toEqual(['Bob Rivers']);
    expect(await (await app.api('GET', '/speakers?q=Prior')).json()).toEqual([]);
  });

  it('exports the quote sheet from the replica', async () => {
    const res = await app.api('GET', '/exports/quote-sheet?format=csv');
    expect(res.status).toBe(200);
    const rows: Record<string, string>[] = parse(await res.text(), { columns: true });
    expect(rows.map((r) => r.Speaker)).toEqual(['Bob Rivers']);
  });

  it('reads a quote, checks its ETag and corrects it on the primary', async () => {
    const detail = await app.api('GET', `/quotes/${primaryQuoteId}`);
    expect(detail.status).toBe(200);
    const etag = detail.headers.get('etag') ?? '';
    const patched = await app.api(
      'PATCH',
      `/quotes/${primaryQuoteId}`,
      { attributionStatus: 'confirmed' },
      { 'If-Match': etag },
    );
    expect(patched.status).toBe(200);
    expect(((await patched.json()) as { attributionStatus: string }).attributionStatus).toBe(
      'confirmed',
    );
  });

  it('holds the read pool on the replica and the primary pool on the primary', async () => {
    const sessions = await sql<{ datname: string; application_name: string }>(
      primary.ownerUrl,
      `SELECT DISTINCT datname, application_name FROM pg_stat_activity
        WHERE application_name IN ('quote-ledger', 'quote-ledger-read') AND datname IN ($1, $2)
        ORDER BY application_name`,
      [primary.name, replica.name],
    );
    expect(sessions).toEqual([
      { datname: primary.name, application_name: 'quote-ledger' },
      { datname: replica.name, application_name: 'quote-ledger-read' },
    ]);
  });
});
