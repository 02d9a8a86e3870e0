import { Pool } from 'pg';
import { Repositories, repositoriesOn } from './repository-sql';
import { RunStats, summarize } from './stats';

// `connections` clients, each running the repository call for the next value back to back for
// `seconds`: the same closed loop autocannon drives against the API, minus HTTP, Nest and TypeORM.
export async function sqlLoop(
  url: string,
  values: string[],
  call: (r: Repositories, value: string) => Promise<unknown>,
  connections: number,
  seconds: number,
): Promise<RunStats> {
  const pool = new Pool({ connectionString: url, max: connections, application_name: 'bench-sql' });
  try {
    const clients = await Promise.all(Array.from({ length: connections }, () => pool.connect()));
    const latencies: number[] = [];
    let errors = 0;
    let next = 0;
    const started = performance.now();
    const deadline = started + seconds * 1000;
    await Promise.all(
      clients.map(async (client) => {
        const repos = repositoriesOn(client);
        while (performance.now() < deadline) {
          const value = values[next++ % values.length];
          const t0 = performance.now();
          try {
            await call(repos, value);
            latencies.push(performance.now() - t0);
          } catch (e) {
            if (errors++ === 0)
              process.stderr.write(
                `SQL error for ${JSON.stringify(value)}: ${(e as Error).message}\n`,
              );
          }
        }
        client.release();
      }),
    );
    return summarize(latencies, (performance.now() - started) / 1000, errors);
  } finally {
    await pool.end();
  }
}
