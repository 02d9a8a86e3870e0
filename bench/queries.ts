// Each lookup's statements one at a time on one connection, no load: where the time goes per
// request kind, and the slowest requests of the pool (to EXPLAIN them). The same pools and
// repository calls as bench:api's bare-SQL loop.
//   npm run bench:queries -- [--samples 500] [--slowest 8] [--database-url URL] [--scenarios search,lookup,speakers]
import { Client } from 'pg';
import { intArg, parseArgs, stringArg } from './lib/args';
import { benchDatabaseUrl } from './lib/db';
import { buildPools, QueryPools } from './lib/query-pool';
import { repositoriesOn, SCENARIO_CALLS } from './lib/repository-sql';
import { ms, percentile } from './lib/stats';

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const slowest = intArg(args, 'slowest', 8);
  const scenarios = (stringArg(args, 'scenarios') ?? 'search,lookup,speakers').split(
    ',',
  ) as (keyof QueryPools)[];
  for (const s of scenarios) if (!SCENARIO_CALLS[s]) throw new Error(`Unknown scenario ${s}`);
  const client = new Client({
    connectionString: benchDatabaseUrl(stringArg(args, 'database-url')),
    application_name: 'bench-queries',
  });
  await client.connect();
  try {
    const pools = await buildPools(client, intArg(args, 'samples', 500), intArg(args, 'seed', 7));
    const repos = repositoriesOn(client);
    const rows: string[] = [];
    for (const scenario of scenarios) {
      const values = pools[scenario];
      for (const v of values) await SCENARIO_CALLS[scenario](repos, v); // warm caches and statistics
      const timed = [];
      for (const v of values) {
        const t0 = performance.now();
        await SCENARIO_CALLS[scenario](repos, v);
        timed.push({ ms: performance.now() - t0, value: v });
      }
      const sorted = timed.map((t) => t.ms).sort((a, b) => a - b);
      const mean = sorted.reduce((a, b) => a + b, 0) / sorted.length;
      rows.push(
        `| ${scenario} | ${values.length} | ${ms(mean)} | ${ms(percentile(sorted, 50))} | ${ms(percentile(sorted, 90))} | ${ms(percentile(sorted, 99))} | ${ms(sorted[sorted.length - 1])} |`,
      );
      process.stderr.write(`${scenario}: slowest\n`);
      for (const t of timed.sort((a, b) => b.ms - a.ms).slice(0, slowest))
        process.stderr.write(`  ${ms(t.ms).padStart(6)} ms  ${JSON.stringify(t.value)}\n`);
    }
    process.stdout.write(
      `\n| scenario | requests | mean ms | p50 ms | p90 ms | p99 ms | max ms |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: |\n${rows.join('\n')}\n`,
    );
  } finally {
    await client.end();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
