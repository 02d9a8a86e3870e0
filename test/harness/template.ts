import { Client } from 'pg';
import { withDatabase } from '../../libs/database/src/database-url';
import { ensureAppRole, withCredentials } from '../../libs/database/src/database-roles';
import { runOwnerStep } from '../../libs/database/src/owner-step';
import { MIGRATIONS } from '../../migrations';

// The tests' app logs in as a restricted role, as the app does, so the suite proves the app
// works with row access only. A fixed name and password: shared by concurrent runs on one
// TEST_DATABASE_URL server, never that of a real deployment (quote_ledger_app).
export const TEST_APP_ROLE = 'quote_ledger_test_app';
const TEST_APP_PASSWORD = 'quote_ledger_test_app';

export function asTestApp(url: string): string {
  return withCredentials(url, TEST_APP_ROLE, TEST_APP_PASSWORD);
}

// One migrated template per run; each test file clones it (CREATE DATABASE … TEMPLATE), grants
// included: the server's superuser owns the schema, as on the embedded default.
export async function createMigratedTemplate(serverUrl: string, name: string): Promise<void> {
  const admin = new Client({ connectionString: withDatabase(serverUrl, 'postgres') });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${admin.escapeIdentifier(name)} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${admin.escapeIdentifier(name)}`);
  } finally {
    await admin.end();
  }
  await ensureAppRole(serverUrl, TEST_APP_ROLE, TEST_APP_PASSWORD);
  const url = withDatabase(serverUrl, name);
  await runOwnerStep({
    ownerUrl: url,
    appUrl: asTestApp(url),
    migrationsRun: true,
    migrations: MIGRATIONS,
  });
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
