import { AppConfig } from '@app/common';
import { ensureDatabase, withDatabase } from './database-url';
import { openEmbeddedPostgres } from './embedded-postgres';
import { embeddedAppUrl } from './database-roles';

export interface ResolvedDatabase {
  // The app's connection (a role with row access only, on the embedded default).
  url: string;
  // The schema owner's connection, for the migrations and the app role's grants.
  migrationUrl: string;
  embedded: boolean;
  // 'self': this process started the embedded server and stop() stops it; 'other': it was
  // already running (an API next to a CLI, or the other way round) and stop() leaves it;
  // 'external': DATABASE_URL.
  owner: 'self' | 'other' | 'external';
  stop(): Promise<void>;
}

// Two processes may create the database at the same moment; the loser sees it exist.
async function ensureDatabaseOnce(url: string): Promise<void> {
  try {
    await ensureDatabase(url);
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code !== '42P04' && code !== '23505') throw e; // duplicate_database, unique_violation
  }
}

// DATABASE_URL wins; without it a real PostgreSQL from npm runs under DATA_DIR, shared with
// any process of this app already running it on the same DATA_DIR.
export async function bootstrapDatabase(
  config: AppConfig,
  log: (line: string) => void,
): Promise<ResolvedDatabase> {
  if (config.DATABASE_URL)
    return {
      url: config.DATABASE_URL,
      migrationUrl: config.MIGRATION_DATABASE_URL ?? config.DATABASE_URL,
      embedded: false,
      owner: 'external',
      stop: async () => undefined,
    };
  const pg = await openEmbeddedPostgres({
    dataDir: `${config.DATA_DIR}/pg`,
    port: config.EMBEDDED_PG_PORT,
    log,
  });
  const url = withDatabase(pg.url, 'quote_ledger');
  try {
    await ensureDatabaseOnce(url);
  } catch (e) {
    await pg.stop();
    throw e;
  }
  // The embedded superuser owns the schema; the app logs in as its own restricted role.
  const appUrl = await embeddedAppUrl(url, config.DATA_DIR);
  return { url: appUrl, migrationUrl: url, embedded: true, owner: pg.owner, stop: pg.stop };
}
