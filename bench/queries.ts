// Service time of each lookup: one HTTP client on one keep-alive connection sends the requests
// one after another to the real API, with nothing else running against it. The requests are
// drawn from the corpus (bench/lib/query-pool.ts, the pools bench:api uses); a warm-up pass over
// a different draw comes first and is not counted. Beside each API row, the same kind of
// requests as statements on one bare pg connection (bench:api's bare-SQL loop, run serially):
// what HTTP, Nest and TypeORM add. Both columns of CPU time per request come from /proc.
//   npm run bench:queries -- [--samples 1000] [--warmup 300] [--slowest 8] [--database-url URL]
//                            [--api-url URL] [--scenarios search,lookup,speakers] [--no-sql] [--no-build]
import { Agent, request } from 'node:http';
import { cpus, loadavg } from 'node:os';
import { Client } from 'pg';
import { intArg, parseArgs, stringArg } from './lib/args';
import { ensureBuilt, RunningApi, startApi } from './lib/api-server';
import { benchDatabaseUrl } from './lib/db';
import { backendsOf, cpuNs } from './lib/cpu';
import { buildPools, QueryPools } from './lib/query-pool';
import { repositoriesOn, SCENARIO_CALLS } from './lib/repository-sql';
import { SCENARIO_PATHS } from './lib/scenarios';
import { ms, percentile } from './lib/stats';

type Scenario = keyof QueryPools;
const log = (line: string) => process.stderr.write(`${line}\n`);

interface Timed {
  ms: number;
  value: string;
  // CPU time the request took, in ms: [client side, Postgres] (when measured)
  cpu?: [number, number];
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const samples = intArg(args, 'samples', 1000);
  const warmup = intArg(args, 'warmup', 300);
  const slowest = intArg(args, 'slowest', 8);
  const seed = intArg(args, 'seed', 7);
  const url = benchDatabaseUrl(stringArg(args, 'database-url'));
  const scenarios = (stringArg(args, 'scenarios') ?? 'search,lookup,speakers').split(
    ',',
  ) as Scenario[];
  for (const s of scenarios) if (!SCENARIO_PATHS[s]) throw new Error(`Unknown scenario ${s}`);
  const apiKey = process.env.BENCH_API_KEY;
  const headers: Record<string, string> = apiKey ? { authorization: `Bearer ${apiKey}` } : {};

  const db = new Client({ connectionString: url, application_name: 'bench-queries' });
  await db.connect();
  let api: RunningApi | null = null;
  const rows: string[] = [];
  const load0 = loadavg();
  try {
    const { rows: counts } = await db.query<{ quotes: string; speakers: string }>(
      `SELECT (SELECT count(*) FROM quote) AS quotes, (SELECT count(*) FROM speaker) AS speakers`,
    );
    log(`corpus: ${counts[0].quotes} quotes, ${counts[0].speakers} speakers`);
    // The bare-SQL pass times another draw of the same kind: repeating the API's requests
    // would find their pages already in shared_buffers.
    const timedPools = await buildPools(db, samples, seed);
    const sqlPools = await buildPools(db, samples, seed + 2);
    // A different draw warms the caches, so no timed request repeats a warm-up one.
    const warmPools = await buildPools(db, warmup, seed + 1);

    let base = stringArg(args, 'api-url');
    if (!base) {
      if (!args.has('no-build')) ensureBuilt(args.has('build'), log);
      // The lookups alone: the API's in-process queue worker (polling for extraction jobs) off.
      api = await startApi(
        url,
        { WORKER_IN_PROCESS: 'false', ...(apiKey ? { BOOTSTRAP_ADMIN_KEY: apiKey } : {}) },
        log,
      );
      base = api.url;
    }
    // All API runs first, then the bare-SQL ones: the connection never idles long enough for
    // the server to close it (Node's keep-alive timeout is 5 s).
    // CPU per request: the API process and the Postgres backends of its pool (when this bench
    // started the API), the bench process and its own backend for bare SQL.
    const http = new HttpClient(base, headers);
    const apiRows = new Map<Scenario, string>();
    for (const scenario of scenarios) {
      const path = SCENARIO_PATHS[scenario].path;
      for (const v of warmPools[scenario]) await http.get(path(v));
      const apiPid = api?.pid;
      const backends = apiPid ? await backendsOf(db, apiPid) : [];
      const timed = await timeEach(
        timedPools[scenario],
        (v) => http.get(path(v)),
        apiPid ? () => [cpuNs([apiPid]), cpuNs(backends)] : undefined,
      );
      apiRows.set(scenario, row(`${SCENARIO_PATHS[scenario].label}, API`, timed));
      report(`${scenario} API`, timed, slowest);
    }
    http.close();
    if (http.sockets !== 1)
      throw new Error(`The client opened ${http.sockets} connections, not one`);
    const repos = repositoriesOn(db);
    const [{ pid: backend }] = (await db.query<{ pid: number }>('SELECT pg_backend_pid() AS pid'))
      .rows;
    for (const scenario of scenarios) {
      rows.push(apiRows.get(scenario) as string);
      if (args.has('no-sql')) continue;
      const call = SCENARIO_CALLS[scenario];
      for (const v of warmPools[scenario]) await call(repos, v);
      const sql = await timeEach(
        sqlPools[scenario],
        (v) => call(repos, v),
        // This process's own clock is read last before and first after, so reading the
        // backend's is not counted as the client's.
        (when) => {
          const own = () => {
            const u = process.cpuUsage();
            return (u.user + u.system) * 1000;
          };
          if (when === 'after') {
            const c = own();
            return [c, cpuNs([backend])];
          }
          const pg = cpuNs([backend]);
          return [own(), pg];
        },
      );
      rows.push(row(`${SCENARIO_PATHS[scenario].label}, bare SQL`, sql));
      report(`${scenario} SQL`, sql, slowest);
    }
  } finally {
    await api?.stop();
    await db.end();
  }
  const cpu = cpus();
  const load1 = loadavg();
  process.stdout.write(
    `\nOne client, one keep-alive connection, requests one after another; ${samples} timed requests per scenario after ${warmup} others. ` +
      `${cpu.length} × ${cpu[0]?.model.trim() ?? 'cpu'}; load average ${fmtLoad(load0)} before, ${fmtLoad(load1)} after.\n\n` +
      `| scenario | requests | mean ms | p50 ms | p95 ms | p99 ms | max ms | CPU ms, mean: client + Postgres | CPU p50 ms | CPU p99 ms |\n` +
      `| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n${rows.join('\n')}\n\n` +
      `CPU: the time a request kept a CPU busy (/proc schedstat), client side (the API process, or the bench process on bare SQL) plus the Postgres backend(s) serving it; the waits for a CPU on a shared machine are not in it.\n`,
  );
}

// `cpu` reads the CPU time used so far, in ns, [client side, Postgres]; read outside the timing.
async function timeEach(
  values: string[],
  send: (v: string) => Promise<unknown>,
  cpu?: (when: 'before' | 'after') => [number, number],
): Promise<Timed[]> {
  const timed: Timed[] = [];
  for (const value of values) {
    const c0 = cpu?.('before');
    const t0 = performance.now();
    await send(value);
    const ms = performance.now() - t0;
    const c1 = cpu?.('after');
    timed.push({
      ms,
      value,
      cpu: c0 && c1 ? [(c1[0] - c0[0]) / 1e6, (c1[1] - c0[1]) / 1e6] : undefined,
    });
  }
  return timed;
}

function row(label: string, timed: Timed[]): string {
  const sorted = timed.map((t) => t.ms).sort((a, b) => a - b);
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const pct = (p: number) => ms(percentile(sorted, p));
  const cpu = timed.every((t) => t.cpu) ? timed.map((t) => t.cpu as [number, number]) : null;
  const total = cpu?.map(([c, p]) => c + p).sort((a, b) => a - b) ?? [];
  const cpuCells = cpu
    ? `${ms(mean(cpu.map((c) => c[0])))} + ${ms(mean(cpu.map((c) => c[1])))} | ${ms(percentile(total, 50))} | ${ms(percentile(total, 99))}`
    : '– | – | –';
  return `| ${label} | ${sorted.length} | ${ms(mean(sorted))} | ${pct(50)} | ${pct(95)} | ${pct(99)} | ${ms(sorted[sorted.length - 1])} | ${cpuCells} |`;
}

// The requests that took the most CPU (or time, when CPU is not measured), to EXPLAIN them.
function report(what: string, timed: Timed[], slowest: number): void {
  const cost = (t: Timed) => (t.cpu ? t.cpu[0] + t.cpu[1] : t.ms);
  log(`${what}: costliest (wall ms, CPU ms client + Postgres)`);
  for (const t of [...timed].sort((a, b) => cost(b) - cost(a)).slice(0, slowest))
    log(
      `  ${ms(t.ms).padStart(6)} ms ${t.cpu ? `${ms(t.cpu[0])} + ${ms(t.cpu[1])}`.padStart(12) : ''}  ${JSON.stringify(t.value)}`,
    );
}

function fmtLoad(l: number[]): string {
  return l.map((v) => v.toFixed(2)).join(' ');
}

// GET over one persistent connection: the time is from sending the request to the last byte of
// a 2xx body. Any other status fails the run.
class HttpClient {
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 1 });
  private readonly url: URL;
  private readonly seen = new WeakSet<object>();
  sockets = 0;

  constructor(
    base: string,
    private readonly headers: Record<string, string>,
  ) {
    this.url = new URL(base);
  }

  close(): void {
    this.agent.destroy();
  }

  get(path: string): Promise<void> {
    return new Promise((resolve, reject) => {
      const req = request(
        {
          host: this.url.hostname,
          port: this.url.port,
          path,
          agent: this.agent,
          headers: this.headers,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const status = res.statusCode ?? 0;
            if (status >= 200 && status < 300) resolve();
            else reject(new Error(`${path}: HTTP ${status} ${Buffer.concat(chunks).toString()}`));
          });
          res.on('error', reject);
        },
      );
      req.on('socket', (s) => {
        if (this.seen.has(s)) return;
        this.seen.add(s);
        this.sockets++;
      });
      req.on('error', reject);
      req.end();
    });
  }
}

main().catch((err: unknown) => {
  log(err instanceof Error ? (process.env.BENCH_DEBUG && err.stack) || err.message : String(err));
  process.exit(1);
});
