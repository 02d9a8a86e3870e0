import { ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { createTestDatabase, TestDatabase } from '../harness/test-database';
import { seedFiles } from '../harness/seeds';
import { sql } from '../harness/sql';

// The job queue over the built app: POST /articles with Prefer: respond-async answers 202 and a
// worker extracts; workers are separate processes (`npm run worker`) sharing one database, and a
// worker killed with SIGKILL in the middle of a batch loses nothing and stores nothing twice.
jest.setTimeout(240_000);
const ROOT = join(__dirname, '..', '..');
const API = join(ROOT, 'dist', 'apps', 'api', 'src', 'main.js');
const WORKER = join(ROOT, 'dist', 'apps', 'worker', 'src', 'main.js');
const ADMIN_KEY = 'queue-e2e-admin-key-0123456789';
const auth = { Authorization: `Bearer ${ADMIN_KEY}`, 'Content-Type': 'application/json' };

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(what: string, check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 1200; i++) {
    if (await check()) return;
    await sleep(100);
  }
  throw new Error(`gave up waiting for ${what}`);
}

function env(db: TestDatabase, extra: Record<string, string>): NodeJS.ProcessEnv {
  return {
    ...process.env,
    DATABASE_URL: db.url,
    MIGRATION_DATABASE_URL: db.ownerUrl,
    LOG_LEVEL: 'warn',
    SEED_ON_START: 'false',
    BOOTSTRAP_ADMIN_KEY: ADMIN_KEY,
    RATE_LIMIT_WRITES: '0',
    RATE_LIMIT_READS: '0',
    ...extra,
  };
}

const children: ChildProcess[] = [];
function run(file: string, e: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(process.execPath, [file], { cwd: ROOT, env: e, stdio: 'ignore' });
  children.push(child);
  return child;
}

async function startApi(db: TestDatabase, extra: Record<string, string>): Promise<string> {
  const port = await freePort();
  const child = run(API, env(db, { PORT: String(port), ...extra }));
  const base = `http://127.0.0.1:${port}`;
  await until('the API', async () => {
    if (child.exitCode !== null) throw new Error(`API exited with ${child.exitCode}`);
    return fetch(`${base}/health`).then(
      (r) => r.ok,
      () => false,
    );
  });
  return base;
}

interface Ingest {
  document: { id: string; created: boolean };
  articles: { id: string; extraction: { status: string }; quotes: unknown[] }[];
}
interface Preview {
  articles: { start: number; quotes: { start: number; end: number }[] }[];
}

// Every article's stored quotes are exactly what POST /extract finds in its document.
async function expectAsExtracted(base: string, body: string, ingest: Ingest): Promise<void> {
  const preview = (await (
    await fetch(`${base}/api/v1/extract`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ body }),
    })
  ).json()) as Preview;
  expect(ingest.articles).toHaveLength(preview.articles.length);
  for (const [i, a] of ingest.articles.entries()) {
    const got = (await (await fetch(`${base}/api/v1/articles/${a.id}`)).json()) as {
      extraction: { status: string };
      quotes: { start: number; end: number }[];
    };
    expect(got.extraction.status).toBe('done');
    const seg = preview.articles[i];
    expect(got.quotes.map((q) => `${q.start}-${q.end}`).sort()).toEqual(
      seg.quotes.map((q) => `${q.start - seg.start}-${q.end - seg.start}`).sort(),
    );
  }
}

const post = (base: string, body: string, query = '', headers: Record<string, string> = {}) =>
  fetch(`${base}/api/v1/articles${query}`, {
    method: 'POST',
    headers: { ...auth, ...headers },
    body: JSON.stringify({ body }),
  });

// Distinct documents (content addressing) with quotes: the seeds, each with its own coda.
const documents = (n: number) =>
  Array.from({ length: n }, (_, i) => {
    const seeds = seedFiles();
    return `${seeds[i % seeds.length].body}\n\n"Copy ${i} was filed late," said Dana Reyes ${i}.\n`;
  });

afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill('SIGKILL');
});

describe('POST /articles with Prefer: respond-async', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());

  it('answers 202 pending, then the in-process worker extracts; sync stays 201', async () => {
    const base = await startApi(db, {});
    const [asyncBody, syncBody, queryBody] = documents(3);
    const res = await post(base, asyncBody, '', { Prefer: 'respond-async' });
    expect(res.status).toBe(202);
    expect(res.headers.get('preference-applied')).toBe('respond-async');
    const accepted = (await res.json()) as Ingest;
    expect(accepted.document.created).toBe(true);
    for (const a of accepted.articles) expect(['pending', 'done']).toContain(a.extraction.status);
    await until('extraction', async () => {
      const states = await Promise.all(
        accepted.articles.map(async (a) => {
          const r = (await (
            await fetch(`${base}/api/v1/articles/${a.id}`)
          ).json()) as Ingest['articles'][number];
          return r.extraction.status;
        }),
      );
      return states.every((s) => s === 'done');
    });
    await expectAsExtracted(base, asyncBody, accepted);

    const viaQuery = await post(base, queryBody, '?async=true');
    expect(viaQuery.status).toBe(202);
    expect((await post(base, asyncBody, '', { Prefer: 'respond-async' })).status).toBe(200);
    expect((await post(base, documents(4)[3], '?async=maybe')).status).toBe(400);

    const sync = await post(base, syncBody);
    expect(sync.status).toBe(201);
    const stored = (await sync.json()) as Ingest;
    for (const a of stored.articles) expect(a.extraction.status).toBe('done');
    await expectAsExtracted(base, syncBody, stored);
  });
});

describe('queue workers', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());

  it('a worker killed mid-batch: another finishes its jobs, nothing lost or stored twice', async () => {
    const queueEnv = { QUEUE_JOB_TIMEOUT_SECONDS: '3', QUEUE_MAINTENANCE_SECONDS: '1' };
    const base = await startApi(db, { WORKER_IN_PROCESS: 'false', ...queueEnv });
    const bodies = documents(60);
    const accepted: Ingest[] = [];
    for (const body of bodies) {
      const res = await post(base, body, '', { Prefer: 'respond-async' });
      expect(res.status).toBe(202);
      accepted.push((await res.json()) as Ingest);
    }
    // No worker yet: everything waits.
    const [{ pending }] = await sql<{ pending: number }>(
      db.ownerUrl,
      `SELECT count(*)::int AS pending FROM article_extraction WHERE status = 'pending'`,
    );
    expect(pending).toBe(accepted.reduce((n, a) => n + a.articles.length, 0));

    const workerEnv = env(db, { WORKER_BATCH_SIZE: '10', ...queueEnv });
    const first = run(WORKER, workerEnv);
    // Mid-batch: it has finished some articles and holds active jobs; only it is running.
    await until('the first worker to be mid-batch', async () => {
      const [row] = await sql<{ done: number; active: number }>(
        db.ownerUrl,
        `SELECT (SELECT count(*)::int FROM article_extraction WHERE status = 'done') AS done,
                (SELECT count(*)::int FROM pgboss.job WHERE state = 'active') AS active`,
      );
      return row.done > 0 && row.active > 0;
    });
    first.kill('SIGKILL');
    run(WORKER, workerEnv);
    await until('every article extracted', async () => {
      const [row] = await sql<{ left: number }>(
        db.ownerUrl,
        `SELECT count(*)::int AS left FROM article_extraction WHERE status <> 'done'`,
      );
      return row.left === 0;
    });
    const [retried] = await sql<{ n: number }>(
      db.ownerUrl,
      `SELECT count(*)::int AS n FROM pgboss.job WHERE retry_count > 0`,
    );
    process.stdout.write(`kill -9 test: ${retried.n} job(s) retried after the kill\n`);
    expect(retried.n).toBeGreaterThan(0);
    const dup = await sql(
      db.ownerUrl,
      `SELECT article_id, start_offset FROM quote_occurrence
        GROUP BY article_id, start_offset HAVING count(*) > 1`,
    );
    expect(dup).toEqual([]);
    for (const [i, body] of bodies.entries()) await expectAsExtracted(base, body, accepted[i]);
  });
});
