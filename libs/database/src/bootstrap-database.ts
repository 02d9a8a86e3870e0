import { AppConfig } from '@app/common';
import { ensureDatabase, withDatabase } from './database-url';
import { startEmbeddedPostgres } from './embedded-postgres';

export interface ResolvedDatabase {
  url: string;
  embedded: boolean;
  stop(): Promise<void>;
}

// DATABASE_URL wins; without it a real PostgreSQL from npm runs under DATA_DIR.
export async function bootstrapDatabase(
  config: AppConfig,
  log: (line: string) => void,
): Promise<ResolvedDatabase> {
  if (config.DATABASE_URL)
    return { url: config.DATABASE_URL, embedded: false, stop: async () => undefined };
  const pg = await startEmbeddedPostgres({
    dataDir: `${config.DATA_DIR}/pg`,
    port: config.EMBEDDED_PG_PORT,
    log,
  });
  const url = withDatabase(pg.url, 'quote_ledger');
  await ensureDatabase(url);
  return { url, embedded: true, stop: pg.stop };
}
