import { AppConfig } from '@app/common';
import { ensureDatabase, withDatabase } from './database-url';
import { startEmbeddedPostgres } from './embedded-postgres';
import { embeddedAppUrl } from './database-roles';

export interface ResolvedDatabase {
  // The app's connection (a role with row access only, on the embedded default).
  url: string;
  // The schema owner's connection, for the migrations and the app role's grants.
  migrationUrl: string;
  embedded: boolean;
  stop(): Promise<void>;
}

// DATABASE_URL wins; without it a real PostgreSQL from npm runs under DATA_DIR.
export async function bootstrapDatabase(
  config: AppConfig,
  log: (line: string) => void,
): Promise<ResolvedDatabase> {
  if (config.DATABASE_URL)
    return {
      url: config.DATABASE_URL,
      migrationUrl: config.MIGRATION_DATABASE_URL ?? config.DATABASE_URL,
      embedded: false,
      stop: async () => undefined,
    };
  const pg = await startEmbeddedPostgres({
    dataDir: `${config.DATA_DIR}/pg`,
    port: config.EMBEDDED_PG_PORT,
    log,
  });
  const url = withDatabase(pg.url, 'quote_ledger');
  await ensureDatabase(url);
  // The embedded superuser owns the schema; the app logs in as its own restricted role.
  const appUrl = await embeddedAppUrl(url, config.DATA_DIR);
  return { url: appUrl, migrationUrl: url, embedded: true, stop: pg.stop };
}
