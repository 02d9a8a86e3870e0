import {
  documents,
  env,
  expectAsExtracted,
  Ingest,
  killChildren,
  postArticle as post,
  run,
  startApi,
  until,
  WORKER,
} from '../harness/built-app';
import { createTestDatabase, TestDatabase } from '../harness/test-database';
import { sql } from '../harness/sql';

// The job queue over the built app: POST /articles with Prefer: respond-async answers 202 and a
// worker extracts; workers are separate processes (`npm run worker`) sharing one database, and a
// worker killed with SIGKILL in the middle of a batch loses nothing and stores nothing twice.
jest.setTimeout(240_000);

afterEach(killChildren);

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
