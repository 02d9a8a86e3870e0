// Parallel ingest under load: N clients POST distinct articles to the built API on a fresh
// database, and the run reports statuses, transaction retries (the API's warn lines) and the
// deadlocks Postgres logged meanwhile:
//   npx tsx bench/ingest-parallel.ts [--clients 16] [--database-url URL] [--no-build]
//     [--files /work/shared/eval/polnear_train.jsonl,/work/shared/eval/polnear_dev.jsonl]
//     [--pg-log /var/log/postgresql/postgresql-15-main.log] [--limit N] [--races]
// --races: while the articles go in, crossed merges (A←B with B←A) of random speakers and 10
// parallel claims from one random quote, in a loop; their statuses are reported apart.
// The database in --database-url is dropped and created again. Other clients of the same
// Postgres server write to the same log, so run it on a quiet server.
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { Client } from 'pg';
import { intArg, parseArgs, stringArg } from './lib/args';
import { ensureBuilt, startApi } from './lib/api-server';

const log = (line: string) => process.stderr.write(`${line}\n`);

const DEFAULT_FILES = [
  '/work/shared/eval/polnear_train.jsonl',
  '/work/shared/eval/polnear_dev.jsonl',
].join(',');
const DEFAULT_URL = 'postgres://postgres@127.0.0.1:5432/quote_ledger_ingest_bench';
const DEFAULT_PG_LOG = '/var/log/postgresql/postgresql-15-main.log';

async function recreateDatabase(url: string): Promise<void> {
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

function readFrom(path: string, offset: number): string {
  if (!existsSync(path)) return '';
  const size = statSync(path).size;
  if (size <= offset) return '';
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(size - offset);
    readSync(fd, buf, 0, buf.length, offset);
    return buf.toString('utf8');
  } finally {
    closeSync(fd);
  }
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const clients = intArg(args, 'clients', 16);
  const limit = intArg(args, 'limit', Number.MAX_SAFE_INTEGER);
  const url = stringArg(args, 'database-url') ?? DEFAULT_URL;
  const pgLog = stringArg(args, 'pg-log') ?? DEFAULT_PG_LOG;
  const files = (stringArg(args, 'files') ?? DEFAULT_FILES).split(',');
  const texts = files
    .flatMap((f) => readFileSync(f, 'utf8').split('\n'))
    .filter((l) => l.trim())
    .map((l) => (JSON.parse(l) as { text: string }).text)
    .slice(0, limit);
  log(`${texts.length} articles from ${files.join(', ')}`);

  if (!args.has('no-build')) ensureBuilt(false, log);
  await recreateDatabase(url);
  const key = randomBytes(24).toString('hex');
  const retries = new Map<string, number>();
  let pending = '';
  const api = await startApi(url, { BOOTSTRAP_ADMIN_KEY: key, LOG_LEVEL: 'warn' }, log, (chunk) => {
    pending += chunk;
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      if (!line.includes('transaction retried')) continue;
      const state = (JSON.parse(line) as { sqlState?: string }).sqlState ?? '?';
      retries.set(state, (retries.get(state) ?? 0) + 1);
    }
  });
  const logStart = existsSync(pgLog) ? statSync(pgLog).size : 0;
  const races = { merges: new Map<number, number>(), claims: new Map<number, number>() };
  let ingesting = true;
  const call = async (path: string, body: unknown, into: Map<number, number>) => {
    const res = await fetch(`${api.url}/api/v1${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }).catch(() => ({ status: 0, text: () => Promise.resolve('') }));
    const text = await res.text();
    into.set(res.status, (into.get(res.status) ?? 0) + 1);
    if (res.status >= 500 && failures.length < 10)
      failures.push(`${path}: ${res.status} ${text.slice(0, 300)}`);
  };
  const racer = async () => {
    const picker = new Client({ connectionString: url });
    await picker.connect();
    try {
      while (ingesting) {
        const speakers = await picker.query<{ id: string }>(
          `SELECT id FROM speaker TABLESAMPLE SYSTEM (10) LIMIT 2`,
        );
        if (speakers.rows.length === 2) {
          const [a, b] = speakers.rows.map((r) => r.id);
          await Promise.all([
            call(`/speakers/${a}/merge`, { from: [b] }, races.merges),
            call(`/speakers/${b}/merge`, { from: [a] }, races.merges),
          ]);
        }
        const quotes = await picker.query<{ id: string }>(
          `SELECT id FROM quote TABLESAMPLE SYSTEM (10) WHERE length(text) > 10 LIMIT 1`,
        );
        if (quotes.rows.length)
          await Promise.all(
            Array.from({ length: 10 }, () =>
              call('/claims', { quoteId: quotes.rows[0].id }, races.claims),
            ),
          );
        await new Promise((r) => setTimeout(r, 100));
      }
    } finally {
      await picker.end();
    }
  };
  const statuses = new Map<number, number>();
  const failures: string[] = [];
  let next = 0;
  const started = performance.now();
  const racing = args.has('races') ? racer() : Promise.resolve();
  try {
    await Promise.all(
      Array.from({ length: clients }, async () => {
        for (let i = next++; i < texts.length; i = next++) {
          const res = await fetch(`${api.url}/api/v1/articles`, {
            method: 'POST',
            headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
            body: JSON.stringify({ body: texts[i] }),
          }).catch((e: unknown) => ({ status: 0, text: () => Promise.resolve(String(e)) }));
          const body = await res.text();
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
          if (res.status !== 201 && failures.length < 10)
            failures.push(`#${i}: ${res.status} ${body.slice(0, 300)}`);
        }
      }),
    );
    ingesting = false;
    await racing;
  } finally {
    ingesting = false;
    await api.stop();
  }
  const seconds = (performance.now() - started) / 1000;
  const logged = readFrom(pgLog, logStart);
  const deadlocks = logged.split('\n').filter((l) => l.includes('deadlock detected')).length;
  const db = new Client({ connectionString: url });
  await db.connect();
  const { rows } = await db.query<Record<string, string>>(
    `SELECT (SELECT count(*) FROM document) AS documents, (SELECT count(*) FROM article) AS articles,
            (SELECT count(*) FROM quote) AS quotes, (SELECT count(*) FROM speaker) AS speakers`,
  );
  await db.end();

  const fmt = (m: Map<string | number, number>) =>
    [...m].map(([k, v]) => `${k} × ${v}`).join(', ') || 'none';
  console.log(`clients: ${clients}`);
  console.log(`articles posted: ${texts.length}`);
  console.log(`statuses: ${fmt(statuses)}`);
  const fiveXx = (m: Map<number, number>) =>
    [...m].filter(([s]) => s >= 500 || s === 0).reduce((a, [, n]) => a + n, 0);
  console.log(
    `5xx (or no answer): ${fiveXx(statuses) + fiveXx(races.merges) + fiveXx(races.claims)}`,
  );
  if (args.has('races')) {
    console.log(`crossed merges: ${fmt(races.merges)}`);
    console.log(`parallel claims: ${fmt(races.claims)}`);
  }
  console.log(`transaction retries (SQLSTATE): ${fmt(retries)}`);
  console.log(`'deadlock detected' in ${pgLog} during the run: ${deadlocks}`);
  console.log(
    `elapsed: ${seconds.toFixed(1)} s, ${(texts.length / seconds).toFixed(1)} articles/s`,
  );
  console.log(
    `stored: ${rows[0].documents} documents, ${rows[0].articles} articles, ${rows[0].quotes} quotes, ${rows[0].speakers} speakers`,
  );
  for (const f of failures) console.log(`  ${f}`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
