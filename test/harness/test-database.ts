import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { withDatabase } from '@app/database';
import { asTestApp } from './template';

export interface TestDatabase {
  // As the app's restricted role (what the tests' app uses).
  url: string;
  // As the server's superuser, the schema's owner: for setup and checks the app may not do.
  ownerUrl: string;
  name: string;
  drop(): Promise<void>;
}

async function admin<T>(serverUrl: string, work: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: withDatabase(serverUrl, 'postgres') });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

// A fresh database for one test file, cloned from the migrated template.
export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.QL_TEST_SERVER_URL;
  const template = process.env.QL_TEST_TEMPLATE;
  if (!serverUrl || !template)
    throw new Error('Test database server not started: run tests through jest (globalSetup)');
  const name = `ql_test_${randomBytes(6).toString('hex')}`;
  await admin(serverUrl, async (c) => {
    for (let attempt = 0; ; attempt++) {
      try {
        await c.query(
          `CREATE DATABASE ${c.escapeIdentifier(name)} TEMPLATE ${c.escapeIdentifier(template)}`,
        );
        return;
      } catch (e) {
        // 55006: the template is briefly in use by a concurrent clone.
        if ((e as { code?: string }).code !== '55006' || attempt > 20) throw e;
        await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
      }
    }
  });
  return {
    url: asTestApp(withDatabase(serverUrl, name)),
    ownerUrl: withDatabase(serverUrl, name),
    name,
    drop: () =>
      admin(
        serverUrl,
        async (c) =>
          void (await c.query(`DROP DATABASE IF EXISTS ${c.escapeIdentifier(name)} WITH (FORCE)`)),
      ),
  };
}
