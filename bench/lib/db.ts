import 'reflect-metadata';
import { Client } from 'pg';
import type { Connection } from 'pg';
import { DataSource } from 'typeorm';
import { MIGRATIONS } from '../../migrations';
import { SnakeNamingStrategy } from '../../libs/database/src/snake-naming.strategy';

export const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/quote_ledger_bench';

export function benchDatabaseUrl(flag?: string): string {
  return flag ?? process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
}

// Creates the database named in `url` when missing, through the server's `postgres` database.
export async function ensureDatabase(url: string): Promise<boolean> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rowCount) return false;
    await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
    return true;
  } finally {
    await client.end();
  }
}

// The app's own migrations, run the way the app runs them.
export async function migrate(url: string): Promise<string[]> {
  const ds = new DataSource({
    type: 'postgres',
    url,
    migrations: MIGRATIONS,
    migrationsTransactionMode: 'each',
    namingStrategy: new SnakeNamingStrategy(),
    logging: false,
  });
  await ds.initialize();
  try {
    return (await ds.runMigrations()).map((m) => m.name);
  } finally {
    await ds.destroy();
  }
}

// COPY text format: tab-separated, \N for NULL, backslash escapes.
export function copyField(v: unknown): string {
  if (v === null || v === undefined) return '\\N';
  if (v instanceof Date) return v.toISOString();
  if (Array.isArray(v)) return `{${v.join(',')}}`;
  const s = String(v);
  return /[\\\t\n\r]/.test(s)
    ? s.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r')
    : s;
}

export function copyLine(fields: unknown[]): string {
  return `${fields.map(copyField).join('\t')}\n`;
}

// `COPY … FROM STDIN` with pg alone: a submittable query that answers the server's
// CopyInResponse with the data (what pg-copy-streams does, without the dependency).
export function copyIn(client: Client, sql: string, data: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let failed: Error | null = null;
    const chunk = 1 << 20;
    const buf = Buffer.from(data, 'utf8');
    const query = {
      submit(connection: Connection) {
        (connection as unknown as { query(text: string): void }).query(sql);
      },
      handleCopyInResponse(connection: Connection) {
        const c = connection as unknown as {
          sendCopyFromChunk(b: Buffer): void;
          endCopyFrom(): void;
        };
        for (let i = 0; i < buf.length; i += chunk) c.sendCopyFromChunk(buf.subarray(i, i + chunk));
        c.endCopyFrom();
      },
      handleError(err: Error) {
        failed = err;
      },
      handleReadyForQuery() {
        if (failed) reject(failed);
        else resolve();
      },
      handleRowDescription() {},
      handleDataRow() {},
      handleCommandComplete() {},
      handleEmptyQuery() {},
      handleCopyData() {},
      handlePortalSuspended() {},
    };
    client.query(query as never);
  });
}
