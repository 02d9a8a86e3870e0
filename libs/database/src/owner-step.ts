import { Client } from 'pg';
import { DataSource, type MixedList } from 'typeorm';
import { SnakeNamingStrategy } from './snake-naming.strategy';
import { grantAppRole, roleOf } from './database-roles';

export interface OwnerStepOptions {
  // The owner of the schema: MIGRATION_DATABASE_URL, the embedded superuser, or (neither
  // given) DATABASE_URL itself.
  ownerUrl: string;
  // What the app's pool uses: its user is the role that gets the grants.
  appUrl: string;
  migrationsRun: boolean;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- TypeORM's own type
  migrations: MixedList<Function>;
}

// Before the app's pool opens: the owner runs the pending migrations, then (when the app logs in
// as another role) grants that role its privileges anew, so tables from the migrations just run
// are covered. When both are one role there is nothing to grant; the start-up check warns.
export async function runOwnerStep(options: OwnerStepOptions): Promise<void> {
  if (options.migrationsRun) {
    const ds = new DataSource({
      type: 'postgres',
      url: options.ownerUrl,
      migrations: options.migrations,
      migrationsTransactionMode: 'each',
      namingStrategy: new SnakeNamingStrategy(),
      extra: { max: 1, application_name: 'quote-ledger-owner' },
    });
    await ds.initialize();
    try {
      await ds.runMigrations();
    } finally {
      await ds.destroy();
    }
  }
  const [owner, app] = [await roleOf(options.ownerUrl), await roleOf(options.appUrl)];
  if (owner === app) return;
  const client = new Client({
    connectionString: options.ownerUrl,
    application_name: 'quote-ledger-owner',
  });
  await client.connect();
  try {
    await grantAppRole(client, app);
  } finally {
    await client.end();
  }
}
