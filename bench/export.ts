// npm run bench:export -- [--format csv] [--database-url URL] [--no-build]
// Streams the whole quote sheet from the real API and prints rows/s and the API process's peak
// resident memory (sampled from /proc every 50 ms), next to the row count in the database.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { ensureBuilt, freePort } from './lib/api-server';
import { parseArgs, stringArg } from './lib/args';

const ROOT = join(__dirname, '..');
const log = (line: string) => process.stderr.write(`${line}\n`);

function rssMb(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : 0;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const format = stringArg(args, 'format') ?? 'csv';
  const databaseUrl =
    stringArg(args, 'database-url') ??
    process.env.BENCH_DATABASE_URL ??
    'postgres://postgres@127.0.0.1:5432/quote_ledger_bench';
  if (!args.has('no-build')) ensureBuilt(false, log);
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  const [{ n }] = (await db.query('SELECT count(*)::int AS n FROM quote')).rows;
  await db.end();

  const port = await freePort();
  const child = spawn(process.execPath, [join(ROOT, 'dist/apps/api/src/main.js')], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      SEED_ON_START: 'false',
      LOG_LEVEL: 'warn',
      RATE_LIMIT_READS: '0',
      NODE_ENV: 'production',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
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
  let peak = idleRss;
  const sampler = setInterval(() => (peak = Math.max(peak, rssMb(child.pid as number))), 50);

  const started = performance.now();
  let firstByte = 0;
  let bytes = 0;
  let lines = 0;
  const res = await fetch(`${base}/api/v1/exports/quote-sheet?format=${format}`);
  if (!res.ok || !res.body) throw new Error(`export answered ${res.status}`);
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    if (!firstByte) firstByte = performance.now() - started;
    bytes += chunk.length;
    for (let i = 0; i < chunk.length; i++) if (chunk[i] === 10) lines++;
  }
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  child.kill('SIGTERM');
  const rows = format === 'csv' ? lines - 1 : lines;
  console.log(
    JSON.stringify(
      {
        format,
        quotesInDatabase: n,
        rows,
        seconds: Math.round(seconds * 100) / 100,
        rowsPerSecond: Math.round(rows / seconds),
        megabytes: Math.round(bytes / 1e5) / 10,
        firstByteMs: Math.round(firstByte),
        serverRssMb: { idle: Math.round(idleRss), peak: Math.round(peak) },
      },
      null,
      2,
    ),
  );
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
