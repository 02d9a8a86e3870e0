// Ingest throughput in one run, each figure also as a share of the engine's own rate:
//   npm run bench:ingest -- [--files /work/shared/eval/polnear_train.jsonl] [--repeat 1]
//     [--api-docs 300] [--queue-docs 300] [--count-docs 100] [--pg-log PATH]
//     [--database-url postgres://postgres@127.0.0.1:5432/quote_ledger_bench_ingest]
// 1. the extraction engine alone, in-process (documents/s);
// 2. `import` of the corpus as NDJSON through the built CLI (articles/s), on a fresh database;
// 3. the built API, POST /articles with 1 and with 8 clients (articles/s), each on a fresh
//    database and the first --api-docs documents;
// 4. the queue: the first --queue-docs documents posted with `Prefer: respond-async` to an API
//    that runs no worker, then 1 (and, on a fresh database, 2) `worker` processes extract them;
//    the rate runs from the first extracted article to the last (worker start-up left out);
// 5. every stored article's quotes (offsets and wording) are compared with what
//    POST /api/v1/extract answers for its document: mismatches are listed, and fail the run;
// 6. statements per article, counted with log_statement = 'all' on a database of its own while
//    importing the first --count-docs documents (CLI) and posting them (API, 1 client); needs
//    read access to the server log (--pg-log), skipped otherwise.
// --repeat N makes N copies of each text, each made distinct by a line so none is deduplicated.
// The databases named by --database-url (and its _api, _queue and _count twins) are dropped and
// created again.
import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import {
  closeSync,
  mkdtempSync,
  openSync,
  readFileSync,
  readSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { segmentDocument, extract } from '../libs/extraction/src';
import { intArg, parseArgs, stringArg } from './lib/args';
import { ensureBuilt, RunningApi, startApi } from './lib/api-server';

const log = (line: string) => process.stderr.write(`${line}\n`);
const ROOT = join(__dirname, '..');
const CLI = join(ROOT, 'dist', 'apps', 'cli', 'src', 'main.js');
const WORKER = join(ROOT, 'dist', 'apps', 'worker', 'src', 'main.js');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const seconds = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e9;
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

async function withClient<T>(url: string, fn: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

const dbName = (url: string) => decodeURIComponent(new URL(url).pathname.slice(1));
const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function recreate(url: string): Promise<void> {
  await withClient(withDatabase(url, 'postgres'), async (c) => {
    await c.query(`DROP DATABASE IF EXISTS ${quoteIdent(dbName(url))} WITH (FORCE)`);
    await c.query(`CREATE DATABASE ${quoteIdent(dbName(url))}`);
  });
}

const count = (url: string, sql: string) =>
  withClient(url, async (c) => Number((await c.query(sql)).rows[0].n));

function migrate(url: string): void {
  const res = spawnSync(process.execPath, [CLI, 'migrate'], {
    env: { ...process.env, DATABASE_URL: url, LOG_LEVEL: 'warn' },
    encoding: 'utf8',
  });
  if (res.status !== 0) throw new Error(`migrate failed: ${res.stderr}`);
}

// Asynchronous, so the statement counter's watcher keeps polling while it runs.
function importFile(url: string, ndjson: string): Promise<void> {
  const child = spawn(process.execPath, [CLI, 'import', ndjson], {
    env: { ...process.env, DATABASE_URL: url, LOG_LEVEL: 'warn', MIGRATIONS_RUN: 'true' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
  return new Promise((resolve, reject) =>
    child.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`import failed (${code}): ${stderr}`)),
    ),
  );
}

// Posts the documents from `clients` concurrent loops; answers the status counts.
async function postAll(
  api: RunningApi,
  key: string,
  docs: string[],
  clients: number,
  headers: Record<string, string> = {},
): Promise<Map<number, number>> {
  let next = 0;
  const statuses = new Map<number, number>();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < docs.length) {
        const body = docs[next++];
        const res = await fetch(`${api.url}/api/v1/articles`, {
          method: 'POST',
          headers: { authorization: `Bearer ${key}`, 'content-type': 'text/plain', ...headers },
          body,
        });
        await res.arrayBuffer();
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      }
    }),
  );
  return statuses;
}

const statusText = (s: Map<number, number>) => JSON.stringify(Object.fromEntries(s));
// 200 is a document posted before (polnear_train holds one text twice): not an error.
const allOk = (s: Map<number, number>, ok: number) =>
  [...s.keys()].every((k) => k === ok || k === 200);

// Queue throughput: documents posted async to an API without a worker, then `workers` worker
// processes extract them. From the first extracted article to the last.
async function queueRun(
  url: string,
  docs: string[],
  workers: number,
): Promise<{ articles: number; seconds: number; statuses: Map<number, number> }> {
  await recreate(url);
  const key = randomBytes(24).toString('hex');
  const api = await startApi(
    url,
    { BOOTSTRAP_ADMIN_KEY: key, MIGRATIONS_RUN: 'true', WORKER_IN_PROCESS: 'false' },
    log,
  );
  let statuses: Map<number, number>;
  try {
    statuses = await postAll(api, key, docs, 8, { prefer: 'respond-async' });
  } finally {
    await api.stop();
  }
  const total = await count(url, `SELECT count(*) AS n FROM article_extraction`);
  const children: ChildProcess[] = [];
  for (let i = 0; i < workers; i++)
    children.push(
      spawn(process.execPath, [WORKER], {
        cwd: ROOT,
        env: { ...process.env, DATABASE_URL: url, LOG_LEVEL: 'warn', MIGRATIONS_RUN: 'true' },
        stdio: 'ignore',
      }),
    );
  let t0: bigint | null = null;
  let first = 0;
  let done: number;
  try {
    for (;;) {
      done = await count(
        url,
        `SELECT count(*) AS n FROM article_extraction WHERE status <> 'pending'`,
      );
      if (done > 0 && t0 === null) {
        t0 = process.hrtime.bigint();
        first = done;
      }
      if (done >= total) break;
      for (const c of children)
        if (c.exitCode !== null) throw new Error(`a worker exited with ${c.exitCode}`);
      await sleep(50);
    }
  } finally {
    for (const c of children) c.kill('SIGTERM');
  }
  const failed = await count(
    url,
    `SELECT count(*) AS n FROM article_extraction WHERE status = 'failed'`,
  );
  if (failed) throw new Error(`${failed} article(s) failed extraction`);
  return { articles: done - first, seconds: t0 === null ? 0 : seconds(t0), statuses };
}

interface PreviewQuote {
  start: number;
  end: number;
  text: string;
}
type Preview = { start: number; end: number; quotes: PreviewQuote[] }[];

// What POST /api/v1/extract answers for each document, 8 requests at a time.
async function previews(api: RunningApi, key: string, docs: string[]): Promise<Preview[]> {
  const out: Preview[] = new Array(docs.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < docs.length) {
        const i = next++;
        const res = await fetch(`${api.url}/api/v1/extract`, {
          method: 'POST',
          headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
          body: JSON.stringify({ body: docs[i] }),
        });
        if (res.status !== 200) throw new Error(`POST /extract answered ${res.status}`);
        out[i] = ((await res.json()) as { articles: Preview }).articles;
      }
    }),
  );
  return out;
}

// Every document's stored articles hold exactly the quotes /extract finds there (start, end and
// wording, offsets into the document). Answers the mismatches, described.
async function verify(url: string, docs: string[], expected: Preview[]): Promise<string[]> {
  const rows = await withClient(url, async (c) =>
    c.query<{ sha256: string; position: number; quotes: PreviewQuote[] }>(
      `SELECT d.sha256, s.position,
              COALESCE(json_agg(json_build_object('start', s.start_offset + o.start_offset,
                                                  'end', s.start_offset + o.end_offset, 'text', o.wording)
                                ORDER BY o.start_offset) FILTER (WHERE o.id IS NOT NULL), '[]') AS quotes
         FROM document d JOIN article_source s ON s.document_id = d.id
         LEFT JOIN quote_occurrence o ON o.article_id = s.article_id
        GROUP BY d.sha256, s.position`,
    ),
  );
  const stored = new Map<string, PreviewQuote[][]>();
  for (const r of rows.rows) {
    const list = stored.get(r.sha256.trim()) ?? [];
    list[r.position] = r.quotes;
    stored.set(r.sha256.trim(), list);
  }
  const problems: string[] = [];
  const show = (qs: PreviewQuote[]) => JSON.stringify(qs.map((q) => [q.start, q.end, q.text]));
  docs.forEach((doc, i) => {
    const got = stored.get(sha256(doc));
    if (!got) return void problems.push(`document ${i}: not stored`);
    expected[i].forEach((segment, position) => {
      const want = segment.quotes.map((q) => ({ start: q.start, end: q.end, text: q.text }));
      const have = got[position] ?? [];
      if (show(want) !== show(have))
        problems.push(
          `document ${i} article ${position}: stored ${show(have)}, /extract ${show(want)}`,
        );
    });
    if (got.length !== expected[i].length)
      problems.push(`document ${i}: ${got.length} articles stored, /extract ${expected[i].length}`);
  });
  return problems;
}

// Statements per article: log_statement = 'all' on a database of its own, the backends of that
// database seen in pg_stat_activity while it runs, their lines counted in the server log.
async function countStatements(
  url: string,
  pgLog: string,
  run: () => Promise<void>,
): Promise<number> {
  const pids = new Set<number>();
  let watching = true;
  const watcher = (async () => {
    await withClient(withDatabase(url, 'postgres'), async (c) => {
      while (watching) {
        const r = await c.query<{ pid: number }>(
          `SELECT pid FROM pg_stat_activity WHERE datname = $1`,
          [dbName(url)],
        );
        for (const row of r.rows) pids.add(row.pid);
        await sleep(20);
      }
    });
  })();
  const from = statSync(pgLog).size;
  try {
    await run();
  } finally {
    watching = false;
    await watcher;
  }
  await sleep(500);
  const to = statSync(pgLog).size;
  const buf = Buffer.alloc(to - from);
  const fd = openSync(pgLog, 'r');
  readSync(fd, buf, 0, buf.length, from);
  closeSync(fd);
  let n = 0;
  for (const line of buf.toString('utf8').split('\n')) {
    const m = /\[(\d+)\] (?:\S+ )?LOG: {2}(?:statement|execute [^:]*):/.exec(line);
    if (m && pids.has(Number(m[1]))) n += 1;
  }
  return n;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const files = (stringArg(args, 'files') ?? '/work/shared/eval/polnear_train.jsonl').split(',');
  const repeat = intArg(args, 'repeat', 1);
  const apiDocs = intArg(args, 'api-docs', 300);
  const queueDocs = intArg(args, 'queue-docs', 300);
  const countDocs = intArg(args, 'count-docs', 100);
  const pgLog = stringArg(args, 'pg-log') ?? '/var/log/postgresql/postgresql-15-main.log';
  const base =
    stringArg(args, 'database-url') ??
    'postgres://postgres@127.0.0.1:5432/quote_ledger_bench_ingest';
  const twin = (suffix: string) => withDatabase(base, `${dbName(base)}_${suffix}`);
  ensureBuilt(false, log);

  const texts = files.flatMap((f) =>
    readFileSync(f, 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => (JSON.parse(l) as { text: string }).text),
  );
  const docs: string[] = [];
  for (let r = 0; r < repeat; r++)
    for (const t of texts) docs.push(r === 0 ? t : `${t}\n\nCopy ${r}.\n`);
  log(`${docs.length} documents from ${files.join(', ')}`);

  // 1. The engine alone: segmentation and extraction, as ingest runs them.
  let t0 = process.hrtime.bigint();
  let segments = 0;
  for (const d of docs)
    for (const s of segmentDocument(d)) {
      extract(s.text, { publishedAt: null });
      segments += 1;
    }
  const engineSeconds = seconds(t0);
  const engine = docs.length / engineSeconds;
  log(`engine: ${engine.toFixed(0)} documents/s (${segments} articles)`);

  // 2. The bulk CLI import, 50 documents a transaction.
  const dir = mkdtempSync(join(tmpdir(), 'ql-bench-ingest-'));
  const ndjson = join(dir, 'corpus.ndjson');
  writeFileSync(ndjson, docs.map((body) => JSON.stringify({ body })).join('\n') + '\n');
  await recreate(base);
  migrate(base);
  t0 = process.hrtime.bigint();
  await importFile(base, ndjson);
  const importSeconds = seconds(t0);
  const imported = await count(base, 'SELECT count(*) AS n FROM article');
  const bulk = imported / importSeconds;
  log(`bulk import: ${imported} articles in ${importSeconds.toFixed(1)} s`);

  // 3. The API, 1 and 8 clients, each on a fresh database.
  const apiRates: number[] = [];
  const apiSlice = docs.slice(0, apiDocs);
  let apiErrors = 0;
  for (const clients of [1, 8]) {
    const url = twin('api');
    await recreate(url);
    const key = randomBytes(24).toString('hex');
    const api = await startApi(url, { BOOTSTRAP_ADMIN_KEY: key, MIGRATIONS_RUN: 'true' }, log);
    t0 = process.hrtime.bigint();
    const statuses = await postAll(api, key, apiSlice, clients);
    const s = seconds(t0);
    await api.stop();
    if (!allOk(statuses, 201)) apiErrors += 1;
    const articles = await count(url, 'SELECT count(*) AS n FROM article');
    apiRates.push(articles / s);
    log(
      `API ${clients} client(s): ${articles} articles in ${s.toFixed(1)} s, statuses ${statusText(statuses)}`,
    );
  }

  // 4. The queue, 1 and 2 workers.
  const queueSlice = docs.slice(0, queueDocs);
  const queueRates: number[] = [];
  for (const workers of [1, 2]) {
    const r = await queueRun(twin(`queue${workers}`), queueSlice, workers);
    if (!allOk(r.statuses, 202)) apiErrors += 1;
    queueRates.push(r.articles / r.seconds);
    log(
      `queue, ${workers} worker(s): ${r.articles} articles in ${r.seconds.toFixed(1)} s after the first, posts ${statusText(r.statuses)}`,
    );
  }

  // 5. Stored quotes against POST /extract, on every database of this run.
  const key = randomBytes(24).toString('hex');
  const api = await startApi(base, { BOOTSTRAP_ADMIN_KEY: key, WORKER_IN_PROCESS: 'false' }, log);
  let expected: Preview[];
  try {
    expected = await previews(api, key, docs);
  } finally {
    await api.stop();
  }
  const mismatches: string[] = [];
  for (const [url, slice] of [
    [base, docs],
    [twin('api'), apiSlice],
    [twin('queue1'), queueSlice],
    [twin('queue2'), queueSlice],
  ] as const) {
    const found = await verify(url, slice, expected);
    log(`verify ${dbName(url)}: ${slice.length} documents, ${found.length} mismatch(es)`);
    for (const m of found.slice(0, 10)) log(`  ${m}`);
    mismatches.push(...found);
  }

  // 6. Statements per article.
  const perArticle: { path: string; value: string }[] = [];
  let readable = true;
  try {
    closeSync(openSync(pgLog, 'r'));
  } catch {
    readable = false;
  }
  if (!readable) log(`statement count skipped: cannot read the server log ${pgLog} (--pg-log)`);
  else {
    const url = twin('count');
    const sample = docs.slice(0, countDocs);
    const sampleFile = join(dir, 'sample.ndjson');
    writeFileSync(sampleFile, sample.map((body) => JSON.stringify({ body })).join('\n') + '\n');
    for (const path of ['bulk CLI import', 'API, 1 client']) {
      await recreate(url);
      migrate(url);
      await withClient(url, (c) =>
        c.query(`ALTER DATABASE ${quoteIdent(dbName(url))} SET log_statement = 'all'`),
      );
      let api: RunningApi | null = null;
      const k = randomBytes(24).toString('hex');
      // The API is started first: its start-up is left out, its pool's connections are not.
      if (path !== 'bulk CLI import')
        api = await startApi(url, { BOOTSTRAP_ADMIN_KEY: k, WORKER_IN_PROCESS: 'false' }, log);
      let statements: number;
      try {
        statements = await countStatements(url, pgLog, async () => {
          if (api) await postAll(api, k, sample, 1);
          else await importFile(url, sampleFile);
        });
      } finally {
        await api?.stop();
      }
      const articles = await count(url, 'SELECT count(*) AS n FROM article');
      const quotes = await count(url, 'SELECT count(*) AS n FROM quote_occurrence');
      await withClient(url, (c) =>
        c.query(`ALTER DATABASE ${quoteIdent(dbName(url))} RESET log_statement`),
      );
      perArticle.push({
        path,
        value: `${(statements / articles).toFixed(2)} statements/article (${statements} for ${articles} articles, ${quotes} quotes${api ? '' : ', CLI start-up included'})`,
      });
    }
  }

  const rows: [string, string, number][] = [
    ['engine alone', 'documents/s', engine],
    ['bulk CLI import', 'articles/s', bulk],
    ['API, 1 client', 'articles/s', apiRates[0]],
    ['API, 8 clients', 'articles/s', apiRates[1]],
    ['queue, 1 worker', 'articles/s', queueRates[0]],
    ['queue, 2 workers', 'articles/s', queueRates[1]],
  ];
  const out = (line: string) => process.stdout.write(`${line}\n`);
  out(`\n${'path'.padEnd(18)} ${'rate'.padStart(10)}  ${'unit'.padEnd(12)} of engine`);
  for (const [name, unit, rate] of rows)
    out(
      `${name.padEnd(18)} ${rate.toFixed(1).padStart(10)}  ${unit.padEnd(12)} ${((rate / engine) * 100).toFixed(2)}%`,
    );
  for (const { path, value } of perArticle) out(`${path}: ${value}`);
  out(
    `stored quotes equal to POST /extract: ${mismatches.length ? `NO, ${mismatches.length} mismatch(es)` : 'yes, every article'}`,
  );
  out(`HTTP errors: ${apiErrors ? 'YES (see the statuses above)' : 'none'}`);
  if (mismatches.length || apiErrors) process.exitCode = 1;
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
