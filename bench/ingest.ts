// Ingest throughput in one run, each figure also as a share of the engine's own rate:
//   npm run bench:ingest -- [--files /work/shared/eval/polnear_train.jsonl] [--repeat 1]
//     [--api-docs 300] [--database-url postgres://postgres@127.0.0.1:5432/quote_ledger_bench_ingest]
// 1. the extraction engine alone, in-process (documents/s);
// 2. `import` of the corpus as NDJSON through the built CLI (articles/s), on a fresh database;
// 3. the built API, POST /articles with 1 and with 8 clients (articles/s), on a fresh database;
// 4. TODO: queue throughput with 1 and 2 workers (the job queue lands on another branch).
// --repeat N makes N copies of each text, each made distinct by a line so none is deduplicated.
// The databases named by --database-url (and its _api twin) are dropped and created again.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { segmentDocument, extract } from '../libs/extraction/src';
import { intArg, parseArgs, stringArg } from './lib/args';
import { ensureBuilt, startApi } from './lib/api-server';

const log = (line: string) => process.stderr.write(`${line}\n`);
const ROOT = join(__dirname, '..');
const CLI = join(ROOT, 'dist', 'apps', 'cli', 'src', 'main.js');

async function recreate(url: string): Promise<void> {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const quoted = `"${name.replace(/"/g, '""')}"`;
    await client.query(`DROP DATABASE IF EXISTS ${quoted} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${quoted}`);
  } finally {
    await client.end();
  }
}

async function articleCount(url: string): Promise<number> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return Number((await client.query('SELECT count(*) FROM article')).rows[0].count);
  } finally {
    await client.end();
  }
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const files = (stringArg(args, 'files') ?? '/work/shared/eval/polnear_train.jsonl').split(',');
  const repeat = intArg(args, 'repeat', 1);
  const apiDocs = intArg(args, 'api-docs', 300);
  const base =
    stringArg(args, 'database-url') ??
    'postgres://postgres@127.0.0.1:5432/quote_ledger_bench_ingest';
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
  const engineSeconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const engine = docs.length / engineSeconds;
  log(`engine: ${engine.toFixed(0)} documents/s (${segments} articles)`);

  // 2. The bulk CLI import, 50 documents a transaction.
  const dir = mkdtempSync(join(tmpdir(), 'ql-bench-ingest-'));
  const ndjson = join(dir, 'corpus.ndjson');
  writeFileSync(ndjson, docs.map((body) => JSON.stringify({ body })).join('\n') + '\n');
  await recreate(base);
  const env = { ...process.env, DATABASE_URL: base, LOG_LEVEL: 'warn', MIGRATIONS_RUN: 'true' };
  spawnSync(process.execPath, [CLI, 'migrate'], { env, stdio: 'ignore' });
  t0 = process.hrtime.bigint();
  const run = spawnSync(process.execPath, [CLI, 'import', ndjson], {
    env,
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  const importSeconds = Number(process.hrtime.bigint() - t0) / 1e9;
  if (run.status !== 0) throw new Error(`import failed: ${run.stderr}\n${run.stdout.slice(-2000)}`);
  const imported = await articleCount(base);
  const bulk = imported / importSeconds;
  log(`bulk import: ${imported} articles in ${importSeconds.toFixed(1)} s`);

  // 3. The API, 1 and 8 clients, each on a fresh database and its own slice of the documents.
  const apiRates: number[] = [];
  for (const clients of [1, 8]) {
    const url = withDatabase(base, `${new URL(base).pathname.slice(1)}_api`);
    await recreate(url);
    const key = randomBytes(24).toString('hex');
    const api = await startApi(url, { BOOTSTRAP_ADMIN_KEY: key, MIGRATIONS_RUN: 'true' }, log);
    const slice = docs.slice(0, apiDocs);
    let next = 0;
    const statuses = new Map<number, number>();
    t0 = process.hrtime.bigint();
    await Promise.all(
      Array.from({ length: clients }, async () => {
        while (next < slice.length) {
          const body = slice[next++];
          const res = await fetch(`${api.url}/api/v1/articles`, {
            method: 'POST',
            headers: { authorization: `Bearer ${key}`, 'content-type': 'text/plain' },
            body,
          });
          await res.arrayBuffer();
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        }
      }),
    );
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    await api.stop();
    const articles = await articleCount(url);
    apiRates.push(articles / seconds);
    log(
      `API ${clients} client(s): ${articles} articles in ${seconds.toFixed(1)} s, statuses ${JSON.stringify(Object.fromEntries(statuses))}`,
    );
  }

  const rows: [string, string, number | null][] = [
    ['engine alone', 'documents/s', engine],
    ['bulk CLI import', 'articles/s', bulk],
    ['API, 1 client', 'articles/s', apiRates[0]],
    ['API, 8 clients', 'articles/s', apiRates[1]],
    ['queue, 1 worker', 'TODO (job queue branch)', null],
    ['queue, 2 workers', 'TODO (job queue branch)', null],
  ];
  process.stdout.write(
    `\n${'path'.padEnd(18)} ${'rate'.padStart(10)}  unit                     of engine\n`,
  );
  for (const [name, unit, rate] of rows)
    process.stdout.write(
      `${name.padEnd(18)} ${(rate === null ? '-' : rate.toFixed(1)).padStart(10)}  ${unit.padEnd(24)} ${rate === null ? '-' : `${((rate / engine) * 100).toFixed(2)}%`}\n`,
    );
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
