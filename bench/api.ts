// Drives the three lookups through the real API with autocannon, next to the same SQL run
// straight against Postgres (the floor), and prints a markdown table:
//   npm run bench:api -- [--duration 20] [--connections 32] [--database-url URL] [--api-url URL]
//                        [--scenarios search,lookup,speakers] [--no-build] [--sql-only | --api-only] [--no-floor]
// The first row, GET /health (one SELECT 1), is the floor of the HTTP stack itself on this machine.
import autocannon from 'autocannon';
import { cpus } from 'node:os';
import { Client } from 'pg';
import { intArg, parseArgs, stringArg } from './lib/args';
import { ensureBuilt, RunningApi, startApi } from './lib/api-server';
import { benchDatabaseUrl } from './lib/db';
import { buildPools, QueryPools } from './lib/query-pool';
import { SCENARIO_CALLS } from './lib/repository-sql';
import { SCENARIO_PATHS } from './lib/scenarios';
import { sqlLoop } from './lib/sql-loop';
import { ms, RunStats, summarize } from './lib/stats';

type Scenario = keyof QueryPools;
const SCENARIOS = SCENARIO_PATHS;

const log = (line: string) => process.stderr.write(`${line}\n`);

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const duration = intArg(args, 'duration', 20);
  const connections = intArg(args, 'connections', 32);
  const warmup = intArg(args, 'warmup', 3);
  const samples = intArg(args, 'samples', 500);
  const url = benchDatabaseUrl(stringArg(args, 'database-url'));
  const scenarios = (stringArg(args, 'scenarios') ?? 'search,lookup,speakers').split(
    ',',
  ) as Scenario[];
  for (const s of scenarios) if (!SCENARIOS[s]) throw new Error(`Unknown scenario ${s}`);
  const apiKey = process.env.BENCH_API_KEY;
  const headers: Record<string, string> = apiKey ? { authorization: `Bearer ${apiKey}` } : {};

  const db = new Client({ connectionString: url });
  await db.connect();
  const { rows } = await db.query<{ quotes: string; speakers: string; articles: string }>(
    `SELECT (SELECT count(*) FROM quote) AS quotes, (SELECT count(*) FROM speaker) AS speakers, (SELECT count(*) FROM article) AS articles`,
  );
  const corpus = rows[0];
  log(`corpus: ${corpus.quotes} quotes, ${corpus.speakers} speakers, ${corpus.articles} articles`);
  const pools = await buildPools(db, samples, intArg(args, 'seed', 7));
  await db.end();

  let api: RunningApi | null = null;
  const apiUrl = stringArg(args, 'api-url');
  const results: { scenario: Scenario; api?: RunStats; sql?: RunStats; hits?: number }[] = [];
  let floor: RunStats | null = null;
  try {
    if (!args.has('sql-only') && !apiUrl) {
      if (!args.has('no-build')) ensureBuilt(args.has('build'), log);
      // The lookups alone: the API's in-process queue worker (polling for extraction jobs) off.
      api = await startApi(
        url,
        { WORKER_IN_PROCESS: 'false', ...(apiKey ? { BOOTSTRAP_ADMIN_KEY: apiKey } : {}) },
        log,
      );
    }
    const base = apiUrl ?? api?.url;
    if (base && !args.has('no-floor')) {
      await drive(base, headers, ['/health'], connections, warmup);
      floor = await drive(base, headers, ['/health'], connections, duration);
      log(`floor API (GET /health): ${line(floor)}`);
    }
    for (const scenario of scenarios) {
      const pool = pools[scenario];
      const row: (typeof results)[number] = { scenario };
      if (base) {
        row.hits = await hitRate(base, headers, pool.slice(0, 50).map(SCENARIOS[scenario].path));
        await drive(base, headers, pool.map(SCENARIOS[scenario].path), connections, warmup);
        row.api = await drive(
          base,
          headers,
          pool.map(SCENARIOS[scenario].path),
          connections,
          duration,
        );
        log(
          `${scenario} API: ${line(row.api)} (${Math.round((row.hits ?? 0) * 100)}% of sample requests with a hit)`,
        );
      }
      if (!args.has('api-only')) {
        await sqlLoop(url, pool, SCENARIO_CALLS[scenario], connections, warmup);
        row.sql = await sqlLoop(url, pool, SCENARIO_CALLS[scenario], connections, duration);
        log(`${scenario} SQL: ${line(row.sql)}`);
      }
      results.push(row);
    }
  } finally {
    await api?.stop();
  }

  const cpu = cpus();
  process.stdout.write(
    `\n${corpus.quotes} quotes, ${corpus.speakers} speakers, ${corpus.articles} articles; ${connections} connections, ${duration} s per run; ` +
      `${cpu.length} × ${cpu[0]?.model.trim() ?? 'cpu'}, API, Postgres and load generator on the same machine.\n\n` +
      `| scenario | API p50 ms | API p99 ms | API req/s | SQL p50 ms | SQL p99 ms | SQL req/s | API / SQL |\n` +
      `| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n` +
      (floor
        ? `| \`GET /health\` (floor: one \`SELECT 1\`) | ${ms(floor.p50)} | ${ms(floor.p99)} | ${Math.round(floor.rps)} | – | – | – | – |\n`
        : '') +
      results
        .map((r) => {
          const a = r.api;
          const s = r.sql;
          const ratio = a && s ? `${Math.round((100 * a.rps) / s.rps)}%` : '–';
          return `| ${SCENARIOS[r.scenario].label} | ${ms(a?.p50 ?? NaN)} | ${ms(a?.p99 ?? NaN)} | ${a ? Math.round(a.rps) : '–'} | ${ms(s?.p50 ?? NaN)} | ${ms(s?.p99 ?? NaN)} | ${s ? Math.round(s.rps) : '–'} | ${ratio} |`;
        })
        .join('\n') +
      '\n',
  );
  const failed = results.filter((r) => (r.api?.errors ?? 0) > 0 || (r.sql?.errors ?? 0) > 0);
  if (failed.length) {
    log(`errors in: ${failed.map((r) => r.scenario).join(', ')}`);
    process.exitCode = 1;
  }
}

function line(s: RunStats): string {
  return `p50 ${ms(s.p50)} ms, p99 ${ms(s.p99)} ms, ${Math.round(s.rps)} req/s, ${s.requests} requests${s.errors ? `, ${s.errors} errors` : ''}`;
}

// autocannon in a closed loop over the pool of paths; latencies kept at full precision.
async function drive(
  base: string,
  headers: Record<string, string>,
  paths: string[],
  connections: number,
  seconds: number,
): Promise<RunStats> {
  let next = 0;
  const latencies: number[] = [];
  let bad = 0;
  const instance = autocannon({
    url: base,
    connections,
    duration: seconds,
    headers,
    requests: [
      {
        method: 'GET',
        setupRequest: (req) => ({ ...req, path: paths[next++ % paths.length] }),
      },
    ],
  });
  instance.on('response', (_client, status, _bytes, time) => {
    if (status >= 200 && status < 300) latencies.push(time);
    else bad++;
  });
  const result = await instance;
  return summarize(latencies, result.duration, bad + result.errors + result.timeouts);
}

// Share of requests that found something, as a check that the pool is realistic.
async function hitRate(
  base: string,
  headers: Record<string, string>,
  paths: string[],
): Promise<number> {
  let hits = 0;
  for (const p of paths) {
    const res = await fetch(base + p, { headers });
    if (!res.ok) throw new Error(`${p}: HTTP ${res.status} ${await res.text()}`);
    const body = (await res.json()) as unknown[] | { items: unknown[] };
    if ((Array.isArray(body) ? body : body.items).length) hits++;
  }
  return hits / paths.length;
}

main().catch((err: unknown) => {
  // The message is enough for a refusal or a failed connection; BENCH_DEBUG=1 for the stack.
  log(err instanceof Error ? (process.env.BENCH_DEBUG && err.stack) || err.message : String(err));
  process.exit(1);
});
