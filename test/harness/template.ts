import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { withDatabase } from '../../libs/database/src/database-url';
import { SnakeNamingStrategy } from '../../libs/database/src/snake-naming.strategy';
import { MIGRATIONS } from '../../migrations';

// One migrated template per run; each test file clones it (CREATE DATABASE … TEMPLATE).
export async function createMigratedTemplate(serverUrl: string, name: string): Promise<void> {
  const admin = new Client({ connectionString: withDatabase(serverUrl, 'postgres') });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${admin.escapeIdentifier(name)} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${admin.escapeIdentifier(name)}`);
  } finally {
    await admin.end();
  }
  const ds = new DataSource({
    type: 'postgres',
    url: withDatabase(serverUrl, name),
    migrations: MIGRATIONS,
    namingStrategy: new SnakeNamingStrategy(),
    migrationsTransactionMode: 'each',
  });
  await ds.initialize();
  try {
    await ds.runMigrations();
  } finally {
    await ds.destroy();
  }
}

export async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  const admin = new Client({ connectionString: withDatabase(serverUrl, 'postgres') });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${admin.escapeIdentifier(name)} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}
