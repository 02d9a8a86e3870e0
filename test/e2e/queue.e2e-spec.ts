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
// worker killed with SIGKILL in the middle of a batch: the two workers that take over share the
// rest and retry its jobs, nothing is lost and nothing is stored twice.
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

  it('a worker killed mid-batch: the other worker retries its jobs, nothing lost or stored twice', async () => {
    const queueEnv = { QUEUE_JOB_TIMEOUT_SECONDS: '3', QUEUE_MAINTENANCE_SECONDS: '1' };
    const base = await startApi(db, { WORKER_IN_PROCESS: 'false', ...queueEnv });
    const bodies = documents(80);
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

    // A batch is one transaction, so a worker holds at most BATCH active jobs. The doomed worker
    // runs alone until it has stored some work and holds a batch, then is killed; the jobs
    // still active once it has exited are the ones it held. A kill that landed between two
    // batches (none held) is repeated with a new worker: alone, it leaves work to do.
    const BATCH = 10;
    const workerEnv = env(db, { WORKER_BATCH_SIZE: String(BATCH), ...queueEnv });
    const activeJobs = async (): Promise<{ done: number; active: string[] }> => {
      const [row] = await sql<{ done: number; active: string[] }>(
        db.ownerUrl,
        `SELECT (SELECT count(*)::int FROM article_extraction WHERE status = 'done') AS done,
                (SELECT COALESCE(array_agg(id::text), '{}') FROM pgboss.job WHERE state = 'active') AS active`,
      );
      return row;
    };
    let held: string[] = [];
    for (let attempt = 1; held.length === 0; attempt++) {
      if (attempt > 5) throw new Error('no kill landed while the worker held a batch');
      const doomed = run(WORKER, workerEnv);
      await until('the worker to hold a batch, after some work was stored', async () => {
        const row = await activeJobs();
        return row.done > 0 && row.active.length > 0;
      });
      doomed.kill('SIGKILL');
      await new Promise((resolve) => doomed.once('exit', resolve));
      held = (await activeJobs()).active;
    }
    expect(held.length).toBeLessThanOrEqual(BATCH);
    // Two workers share the rest, and the killed worker's jobs once they expire.
    const survivors = [run(WORKER, workerEnv), run(WORKER, workerEnv)];
    await until('every article extracted', async () => {
      if (survivors.some((w) => w.exitCode !== null)) throw new Error('a surviving worker exited');
      const [row] = await sql<{ left: number }>(
        db.ownerUrl,
        `SELECT count(*)::int AS left FROM article_extraction WHERE status <> 'done'`,
      );
      return row.left === 0;
    });
    await until('every job completed', async () => {
      const [row] = await sql<{ open: number }>(
        db.ownerUrl,
        `SELECT count(*)::int AS open FROM pgboss.job WHERE name = 'extract-article' AND state <> 'completed'`,
      );
      return row.open === 0;
    });
    // Every job the killed worker held expired, was retried and completed by a survivor.
    const jobs = await sql<{ state: string; retry_count: number }>(
      db.ownerUrl,
      `SELECT state, retry_count FROM pgboss.job WHERE id = ANY($1::uuid[])`,
      [held],
    );
    expect(jobs).toHaveLength(held.length);
    expect(jobs.every((j) => j.state === 'completed')).toBe(true);
    const retried = jobs.filter((j) => j.retry_count > 0).length;
    process.stdout.write(
      `kill -9 test: ${held.length} job(s) held at the kill, ${retried} retried by the survivors\n`,
    );
    expect(retried).toBe(held.length);
    for (const w of survivors) expect(w.exitCode).toBeNull();
    // Nothing stored twice: one occurrence per (article, offset), one quote per (speaker, text).
    const dup = await sql(
      db.ownerUrl,
      `SELECT article_id, start_offset FROM quote_occurrence
        GROUP BY article_id, start_offset HAVING count(*) > 1`,
    );
    expect(dup).toEqual([]);
    // Nothing lost: every article holds what /extract finds in its document.
    for (const [i, body] of bodies.entries()) await expectAsExtracted(base, body, accepted[i]);
  });
});
