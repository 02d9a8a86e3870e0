// EXPLAIN (ANALYZE, BUFFERS) of every statement one lookup sends, with the API's parameters:
// for the slow requests bench:queries names.
// The call runs --repeat times (default 2) on one connection and only the last run's plans are
// printed: the first one pays for the catalog caches of a new connection.
//   npm run bench:explain -- --scenario search|lookup|speakers [--repeat 2] [--database-url URL] "the value"
import { Client } from 'pg';
import { intArg, parseArgs, stringArg } from './lib/args';
import { benchDatabaseUrl } from './lib/db';
import { repositoriesOn, SCENARIO_CALLS } from './lib/repository-sql';
import type { QueryPools } from './lib/query-pool';

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const value = argv.pop();
  const args = parseArgs(argv);
  const scenario = (stringArg(args, 'scenario') ?? 'search') as keyof QueryPools;
  if (!value || !SCENARIO_CALLS[scenario])
    throw new Error('usage: bench:explain -- --scenario search|lookup|speakers "value"');
  const client = new Client({
    connectionString: benchDatabaseUrl(stringArg(args, 'database-url')),
  });
  await client.connect();
  try {
    // Each statement is explained, then run for its rows (the repository decides on them).
    const repeat = intArg(args, 'repeat', 2);
    let run = 0;
    const explaining = {
      query: async (sql: string, params: unknown[] = []) => {
        const plan = await client.query<{ 'QUERY PLAN': string }>(
          `EXPLAIN (ANALYZE, BUFFERS) ${sql}`,
          params,
        );
        if (run === repeat)
          process.stdout.write(
            `\n${sql.trim()}\n-- ${JSON.stringify(params)}\n${plan.rows.map((r) => r['QUERY PLAN']).join('\n')}\n`,
          );
        return client.query(sql, params);
      },
    };
    const repos = repositoriesOn(explaining as unknown as Client);
    while (run++ < repeat) await SCENARIO_CALLS[scenario](repos, value);
  } finally {
    await client.end();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
