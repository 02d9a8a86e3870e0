// npm run bench:export -- [--format csv] [--runs 2] [--database-url URL] [--no-build]
// Streams the whole quote sheet from the real API and prints rows/s and the API process's peak
// resident memory (sampled from /proc every 50 ms), next to the row count in the database.
// For CSV it also times two floors in the same run, each a bare COPY … TO STDOUT read straight
// from Postgres by this process, and prints the API's rate as a share of each:
// - comparable: the sheet's main join (quote, speaker, first occurrence, its article) with raw
//   columns, no verdicts, no appearance counts, no formatting;
// - same join: the sheet's own whole-table plan (LARGE_FROM) with raw columns, same order.
// Runs alternate (floors, API, floors, API, …) so that other load on the machine falls on all
// alike. The database is only read.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { COLUMNS, LARGE_FROM } from '../libs/exports/src/sheet.sql';
import { ensureBuilt, freePort } from './lib/api-server';
import { intArg, parseArgs, stringArg } from './lib/args';

const ROOT = join(__dirname, '..');
const log = (line: string) => process.stderr.write(`${line}\n`);
const round = (x: number, digits = 0) => Math.round(x * 10 ** digits) / 10 ** digits;

function rssMb(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : 0;
}

interface Measured {
  rows: number;
  seconds: number;
  rowsPerSecond: number;
  megabytes: number;
}

const measured = (rows: number, bytes: number, started: number): Measured => {
  const seconds = (performance.now() - started) / 1000;
  return {
    rows,
    seconds: round(seconds, 2),
    rowsPerSecond: Math.round(rows / seconds),
    megabytes: round(bytes / 1e6, 1),
  };
};

const ORDER = 'ORDER BY q.first_seen DESC, q.id DESC';
const FLOORS = {
  comparable: `SELECT q.id, q.text, q.attribution_status, s.name, s.native_name, o.role, o.organization,
         a.title, a.publisher, a.url, q.first_seen
    FROM quote q
    LEFT JOIN speaker s ON s.id = q.speaker_id
    LEFT JOIN (SELECT DISTINCT ON (quote_id) * FROM quote_occurrence
                ORDER BY quote_id, dated DESC, seen_at, start_offset) o ON o.quote_id = q.id
    LEFT JOIN article a ON a.id = o.article_id
   WHERE q.rejected_at IS NULL ${ORDER}`,
  sameJoin: `SELECT ${COLUMNS} ${LARGE_FROM} WHERE q.rejected_at IS NULL ${ORDER}`,
};

// A floor: what Postgres alone takes to produce rows as CSV on one connection.
async function bareCopy(databaseUrl: string, select: string): Promise<Measured> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    await db.query('BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY');
    await db.query(`SET LOCAL work_mem = '256MB'`);
    const started = performance.now();
    const copy = db.query(copyTo(`COPY (${select}) TO STDOUT WITH (FORMAT csv, HEADER)`));
    let bytes = 0;
    for await (const chunk of copy as AsyncIterable<Buffer>) bytes += chunk.length;
    const result = measured(copy.rowCount, bytes, started);
    await db.query('COMMIT');
    return result;
  } finally {
    await db.end();
  }
}

async function apiExport(
  base: string,
  format: string,
  pid: number,
): Promise<Measured & { firstByteMs: number; peakRssMb: number }> {
  let peak = rssMb(pid);
  const sampler = setInterval(() => (peak = Math.max(peak, rssMb(pid))), 50);
  try {
    const started = performance.now();
    let firstByte = 0;
    let bytes = 0;
    let lines = 0;
    const res = await fetch(`${base}/api/v1/exports/quote-sheet?format=${format}`);
    if (!res.ok || !res.body) throw new Error(`export answered ${res.status}`);
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      if (!firstByte) firstByte = performance.now() - started;
      bytes += chunk.length;
      for (let i = chunk.indexOf(10); i >= 0; i = chunk.indexOf(10, i + 1)) lines++;
    }
    // CSV: the header line, and a quote's line breaks are counted too; the floor's rowCount
    // is exact. Both sheets hold the same quotes (checked below against the database).
    const rows = format === 'csv' ? lines - 1 : lines;
    return {
      ...measured(rows, bytes, started),
      firstByteMs: Math.round(firstByte),
      peakRssMb: Math.round(peak),
    };
  } finally {
    clearInterval(sampler);
  }
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const format = stringArg(args, 'format') ?? 'csv';
  const runs = intArg(args, 'runs', 2);
  const databaseUrl =
    stringArg(args, 'database-url') ??
    process.env.BENCH_DATABASE_URL ??
    'postgres://postgres@127.0.0.1:5432/quote_ledger_bench';
  if (!args.has('no-build')) ensureBuilt(false, log);
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  const [{ n }] = (await db.query('SELECT count(*)::int AS n FROM quote WHERE rejected_at IS NULL'))
    .rows;
  await db.end();

  const port = await freePort();
  const child = spawn(process.execPath, [join(ROOT, 'dist/apps/api/src/main.js')], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      // Read only: no migrations, no seeds, no queue worker.
      MIGRATIONS_RUN: 'false',
      SEED_ON_START: 'false',
      WORKER_IN_PROCESS: 'false',
      LOG_LEVEL: 'warn',
      RATE_LIMIT_READS: '0',
      NODE_ENV: 'production',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    const base = `http://127.0.0.1:${port}`;
    for (
      let i = 0;
      !(await fetch(`${base}/health`).then(
        (r) => r.ok,
        () => false,
      ));
      i++
    ) {
      if (i > 240 || child.exitCode !== null) throw new Error('API did not start');
      await new Promise((r) => setTimeout(r, 250));
    }
    const idleRss = rssMb(child.pid as number);
    const results = [];
    for (let run = 1; run <= runs; run++) {
      const floors: Partial<Record<keyof typeof FLOORS, Measured>> = {};
      if (format === 'csv')
        for (const [name, select] of Object.entries(FLOORS))
          floors[name as keyof typeof FLOORS] = await bareCopy(databaseUrl, select);
      const api = await apiExport(base, format, child.pid as number);
      const ratio = Object.fromEntries(
        Object.entries(floors).map(([k, f]) => [k, round(api.rowsPerSecond / f.rowsPerSecond, 2)]),
      );
      log(
        `run ${run}: API ${api.rowsPerSecond} rows/s, peak RSS ${api.peakRssMb} MB` +
          Object.entries(floors)
            .map(([k, f]) => `; ${k} COPY ${f.rowsPerSecond} rows/s (ratio ${ratio[k]})`)
            .join(''),
      );
      results.push({ run, api, floors, ratio, loadAverage: loadavg().map((x) => round(x, 2)) });
    }
    console.log(
      JSON.stringify(
        { format, quotesInDatabase: n, serverIdleRssMb: Math.round(idleRss), runs: results },
        null,
        2,
      ),
    );
  } finally {
    child.kill('SIGTERM');
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
