import type { Client } from 'pg';

// Secondary indexes (not backing a constraint) are dropped around a bulk load and built once
// afterwards. Their definitions are parked in a table first, so an interrupted load can restore them.
const PARKED = 'bench_parked_index';

export async function parkIndexes(client: Client, tables: string[]): Promise<string[]> {
  await client.query(
    `CREATE TABLE IF NOT EXISTS ${PARKED} (name text PRIMARY KEY, def text NOT NULL)`,
  );
  const { rows } = await client.query<{ name: string; def: string }>(
    `SELECT i.indexname AS name, i.indexdef AS def
       FROM pg_indexes i
       JOIN pg_class c ON c.relname = i.indexname AND c.relnamespace = 'public'::regnamespace
      WHERE i.schemaname = 'public' AND i.tablename = ANY($1)
        AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = c.oid)`,
    [tables],
  );
  for (const r of rows) {
    await client.query(
      `INSERT INTO ${PARKED} (name, def) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING`,
      [r.name, r.def],
    );
    await client.query(`DROP INDEX IF EXISTS "${r.name}"`);
  }
  return rows.map((r) => r.name);
}

// Builds the parked indexes on `clients.length` connections at once, biggest tables first.
export async function restoreIndexes(
  clients: Client[],
  onDone: (name: string, ms: number) => void,
): Promise<void> {
  const [first] = clients;
  const exists = await first.query(`SELECT to_regclass($1) AS t`, [PARKED]);
  if (!exists.rows[0].t) return;
  const { rows } = await first.query<{ name: string; def: string }>(
    `SELECT p.name, p.def FROM ${PARKED} p
       LEFT JOIN pg_class c ON c.relnamespace = 'public'::regnamespace
        AND c.relname = substring(p.def from ' ON (?:ONLY )?(?:public[.])?([a-z_0-9]+)')
      ORDER BY p.def ~ 'USING gin' DESC, pg_relation_size(c.oid) DESC NULLS LAST`,
  );
  const queue = [...rows];
  await Promise.all(
    clients.map(async (client) => {
      await client.query(`SET maintenance_work_mem = '512MB'`);
      for (let next = queue.shift(); next; next = queue.shift()) {
        const t0 = Date.now();
        await client.query(
          next.def.replace(/^CREATE (UNIQUE )?INDEX /, 'CREATE $1INDEX IF NOT EXISTS '),
        );
        await client.query(`DELETE FROM ${PARKED} WHERE name = $1`, [next.name]);
        onDone(next.name, Date.now() - t0);
      }
    }),
  );
  await first.query(`DROP TABLE IF EXISTS ${PARKED}`);
}
