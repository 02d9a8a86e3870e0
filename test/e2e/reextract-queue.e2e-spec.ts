import {
  auth,
  cli,
  documents,
  env,
  expectAsExtracted,
  Ingest,
  killChildren,
  killFileChildren,
  postArticle,
  run,
  startApi,
  until,
  WORKER,
} from '../harness/built-app';
import { createTestDatabase, TestDatabase } from '../harness/test-database';
import { sql } from '../harness/sql';

// Re-extraction after an engine upgrade over the built processes: `cli reextract` sends the
// stale articles to the extraction queue and shows its progress until it drains, while separate
// worker processes (`npm run worker`) do the work; a job that keeps failing ends `failed`, with
// its error, on GET /articles/:id and GET /extraction/status.
jest.setTimeout(240_000);
afterEach(killChildren);

const DOCS = 8;
// The CLI only sends and watches: the workers started here do the work.
const cliEnv = (db: TestDatabase) => env(db, { WORKER_IN_PROCESS: 'false' });
const workerEnv = (db: TestDatabase) => env(db, { WORKER_BATCH_SIZE: '4' });

interface Summary {
  engineVersion: string;
  queued: number;
  done?: number;
  failed?: number;
}
interface Status {
  engineVersion: string;
  articles: number;
  current: number;
  stale: number;
  pending: number;
  failed: number;
  failures: { articleId: string; error: string }[];
}

describe('cli reextract through the queue', () => {
  let db: TestDatabase;
  let base: string;
  let bodies: string[];
  let stored: Ingest[];
  let articles: number;
  const count = async (query: string): Promise<number> =>
    Number((await sql<{ n: string }>(db.ownerUrl, query))[0].n);
  const status = async (): Promise<Status> =>
    (await (await fetch(`${base}/api/v1/extraction/status`, { headers: auth })).json()) as Status;

  beforeAll(async () => {
    db = await createTestDatabase();
    // The API does not work the queue here: only the worker processes each test starts do.
    base = await startApi(db, { WORKER_IN_PROCESS: 'false' }, 'file');
    bodies = documents(DOCS);
    stored = [];
    for (const body of bodies) {
      const res = await postArticle(base, body);
      expect(res.status).toBe(201);
      stored.push((await res.json()) as Ingest);
    }
    articles = stored.reduce((n, s) => n + s.articles.length, 0);
  });
  afterAll(async () => {
    killFileChildren();
    await db.drop();
  });

  it('sends stale articles to the queue; a worker drains it while the CLI shows progress', async () => {
    // What an engine upgrade leaves: every article extracted by an older version, with that
    // version's rules; one article's quotes lost besides.
    await sql(db.ownerUrl, `UPDATE article_extraction SET engine_version = '0.9.0'`);
    await sql(db.ownerUrl, `UPDATE quote_occurrence SET rule = 'old-rule'`);
    const lost = stored[0].articles[0].id;
    await sql(db.ownerUrl, `DELETE FROM quote_occurrence WHERE article_id = $1`, [lost]);
    const before = await status();
    expect(before).toMatchObject({ articles, stale: articles, current: 0, pending: 0 });

    const reextract = cli(['reextract'], cliEnv(db));
    // Everything is queued and waits: no worker runs yet.
    await until('the articles to be queued', async () => {
      // pgboss's schema appears when the CLI first sends.
      const queued = await count(
        `SELECT count(*) AS n FROM pgboss.job WHERE name = 'extract-article' AND state = 'created'`,
      ).catch(() => 0);
      return queued === articles;
    });
    expect((await status()).pending).toBe(articles);
    run(WORKER, workerEnv(db));
    const done = await reextract;

    expect(done.code).toBe(0);
    const summary = JSON.parse(done.stdout) as Summary;
    expect(summary).toMatchObject({ queued: articles, done: articles, failed: 0 });
    // Progress on stderr, a line a second when it is not a terminal, and the last state.
    expect(done.stderr).toMatch(/reextract \[.*\] \d+% \| \d+\/\d+ \| \d+ articles\/s \| ETA /);
    expect(done.stderr).toContain(`100% | ${articles}/${articles}`);

    for (const [i, body] of bodies.entries()) await expectAsExtracted(base, body, stored[i]);
    expect(await count(`SELECT count(*) AS n FROM quote_occurrence WHERE rule = 'old-rule'`)).toBe(
      0,
    );
    expect(await status()).toMatchObject({
      engineVersion: summary.engineVersion,
      articles,
      current: articles,
      stale: 0,
      pending: 0,
      failed: 0,
    });
    // Nothing stale is left: another run sends nothing.
    const again = await cli(['reextract', '--no-wait'], cliEnv(db));
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toEqual({ engineVersion: summary.engineVersion, queued: 0 });
  });

  it('--all --no-wait twice queues each article once; the jobs still run once each', async () => {
    for (let i = 0; i < 2; i++) {
      const sent = await cli(['reextract', '--all', '--no-wait'], cliEnv(db));
      expect(sent.code).toBe(0);
      expect(JSON.parse(sent.stdout)).toMatchObject({ queued: articles });
    }
    const queued = await sql<{ key: string; n: string }>(
      db.ownerUrl,
      `SELECT singleton_key AS key, count(*) AS n FROM pgboss.job
        WHERE name = 'extract-article' AND state = 'created' GROUP BY singleton_key`,
    );
    expect(queued).toHaveLength(articles);
    expect(queued.every((q) => q.n === '1')).toBe(true);
    expect((await status()).pending).toBe(articles);

    run(WORKER, workerEnv(db));
    run(WORKER, workerEnv(db));
    await until('the queue to drain', async () => (await status()).pending === 0);
    expect(
      await count(`SELECT count(*) AS n FROM (SELECT 1 FROM quote_occurrence
                    GROUP BY article_id, start_offset HAVING count(*) > 1) d`),
    ).toBe(0);
    for (const [i, body] of bodies.entries()) await expectAsExtracted(base, body, stored[i]);
  });

  it('a job that keeps failing is retried, then shown failed with its error', async () => {
    const broken = stored[1].articles[0].id;
    // The database refuses to record this one article as extracted, whatever the worker does.
    await sql(
      db.ownerUrl,
      `CREATE FUNCTION refuse_extraction() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN RAISE EXCEPTION 'disk quota exceeded (simulated)'; END $$`,
    );
    await sql(
      db.ownerUrl,
      `CREATE TRIGGER refuse_extraction BEFORE UPDATE ON article_extraction FOR EACH ROW
        WHEN (NEW.status = 'done' AND NEW.article_id = '${broken}') EXECUTE FUNCTION refuse_extraction()`,
    );
    try {
      run(WORKER, workerEnv(db));
      const done = await cli(['reextract', '--all'], cliEnv(db));
      expect(done.code).toBe(1);
      expect(JSON.parse(done.stdout)).toMatchObject({
        queued: articles,
        done: articles - 1,
        failed: 1,
      });
      const article = (await (await fetch(`${base}/api/v1/articles/${broken}`)).json()) as {
        extraction: { status: string; error?: string };
      };
      expect(article.extraction).toMatchObject({
        status: 'failed',
        error: expect.stringContaining('disk quota exceeded (simulated)'),
      });
      const [job] = await sql<{ state: string; retry_count: number }>(
        db.ownerUrl,
        `SELECT state, retry_count FROM pgboss.job
          WHERE name = 'extract-article' AND singleton_key = $1
          ORDER BY created_on DESC LIMIT 1`,
        [broken],
      );
      expect(job).toEqual({ state: 'failed', retry_count: 3 });
      const after = await status();
      expect(after).toMatchObject({ failed: 1, pending: 0, current: articles - 1 });
      expect(after.failures).toEqual([
        { articleId: broken, error: expect.stringContaining('disk quota exceeded') },
      ]);
    } finally {
      await sql(db.ownerUrl, `DROP TRIGGER refuse_extraction ON article_extraction`);
    }
    // Fixed: the next run sends the failed article again, and only it.
    const retried = await cli(['reextract'], cliEnv(db));
    expect(retried.code).toBe(0);
    expect(JSON.parse(retried.stdout)).toMatchObject({ queued: 1, done: 1, failed: 0 });
    expect(await status()).toMatchObject({ current: articles, failed: 0 });
  });

  it('GET /extraction/status is for admins', async () => {
    expect((await fetch(`${base}/api/v1/extraction/status`)).status).toBe(401);
    const res = await fetch(`${base}/api/v1/keys`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ name: 'desk', role: 'reviewer' }),
    });
    const { key } = (await res.json()) as { key: string };
    const asReviewer = await fetch(`${base}/api/v1/extraction/status`, {
      headers: { Authorization: `Bearer ${key}` },
    });
    expect(asReviewer.status).toBe(403);
  });
});
