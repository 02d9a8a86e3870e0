import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { appRolePasswordFile, EMBEDDED_APP_ROLE, withCredentials } from '@app/database';
import { createTestDatabase, TestDatabase } from '../harness/test-database';
import { TEST_APP_ROLE } from '../harness/template';
import { childEnv, freePort, spawnApi, SpawnedApi } from '../harness/spawn-api';

// The built app (dist/apps/api/src/main.js, what `npm start` runs): which role does it use?
const WARNING = /can do more than the app needs/;

interface Running extends SpawnedApi {
  pgPort: number;
}

// Starts the built app with `env` and none of the caller's database variables.
async function start(env: Record<string, string>): Promise<Running> {
  const [port, pgPort] = [await freePort(), await freePort()];
  const app = await spawnApi(
    port,
    childEnv(
      {
        EMBEDDED_PG_PORT: String(pgPort),
        LOG_LEVEL: 'warn',
        RATE_LIMIT_WRITES: '0',
        RATE_LIMIT_READS: '0',
        ...env,
      },
      ['DATABASE_URL', 'MIGRATION_DATABASE_URL'],
    ),
  );
  return { ...app, pgPort };
}

async function query<T>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

// Who the app's pool is connected as, from a connection that is not the app's.
const appSessions = (url: string, database: string) =>
  query<{ usename: string }>(
    url,
    `SELECT usename FROM pg_stat_activity WHERE datname = $1 AND application_name = 'quote-ledger'`,
    [database],
  );

describe('the built app on the embedded default connects as quote_ledger_app', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'quote-ledger-roles-'));
  chmodSync(dataDir, 0o755);
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('serves the seeds as the restricted role; the superuser owns the schema', async () => {
    const app = await start({ DATA_DIR: dataDir });
    try {
      const superuser = `postgres://postgres:postgres@127.0.0.1:${app.pgPort}/quote_ledger`;
      const quotes = (await (await fetch(`${app.base}/api/v1/quotes?limit=100`)).json()) as {
        items: unknown[];
      };
      expect(quotes.items).toHaveLength(21);
      const sessions = await appSessions(superuser, 'quote_ledger');
      expect(sessions.length).toBeGreaterThan(0);
      expect(new Set(sessions.map((s) => s.usename))).toEqual(new Set([EMBEDDED_APP_ROLE]));
      const [role] = await query<Record<string, boolean>>(
        superuser,
        `SELECT rolsuper, rolcreaterole, rolcreatedb, rolcanlogin FROM pg_roles WHERE rolname = $1`,
        [EMBEDDED_APP_ROLE],
      );
      expect(role).toEqual({
        rolsuper: false,
        rolcreaterole: false,
        rolcreatedb: false,
        rolcanlogin: true,
      });
      const owners = await query<{ owner: string }>(
        superuser,
        `SELECT DISTINCT tableowner AS owner FROM pg_tables WHERE schemaname = 'public'`,
      );
      expect(owners).toEqual([{ owner: 'postgres' }]);

      // The generated password, readable by this user only, logs in as that role, which is
      // refused what would rewrite history.
      const file = appRolePasswordFile(dataDir);
      expect(statSync(file).mode & 0o777).toBe(0o600);
      const asApp = withCredentials(
        superuser,
        EMBEDDED_APP_ROLE,
        readFileSync(file, 'utf8').trim(),
      );
      for (const statement of [
        'TRUNCATE claim_review',
        'ALTER TABLE claim_review DISABLE TRIGGER ALL',
        'SET session_replication_role = replica',
        'DELETE FROM audit_log',
      ])
        await expect(query(asApp, statement)).rejects.toMatchObject({
          code: '42501',
          message: expect.stringMatching(/^(permission denied|must be owner)/),
        });
      expect(app.output()).not.toMatch(WARNING);
    } finally {
      expect(await app.stop()).toBe(0);
    }

    // A restart finds the role and the password file and connects the same way.
    const again = await start({ DATA_DIR: dataDir });
    try {
      const superuser = `postgres://postgres:postgres@127.0.0.1:${again.pgPort}/quote_ledger`;
      const sessions = await appSessions(superuser, 'quote_ledger');
      expect(new Set(sessions.map((s) => s.usename))).toEqual(new Set([EMBEDDED_APP_ROLE]));
    } finally {
      expect(await again.stop()).toBe(0);
    }
  }, 180_000);
});

describe('the built app on a server of your own', () => {
  let db: TestDatabase;
  beforeEach(async () => {
    db = await createTestDatabase();
  });
  afterEach(() => db.drop());

  const common = { SEED_ON_START: 'false', DATA_DIR: join(tmpdir(), 'quote-ledger-unused') };

  it('with MIGRATION_DATABASE_URL: connects as the role of DATABASE_URL, no warning', async () => {
    const app = await start({
      ...common,
      DATABASE_URL: db.url,
      MIGRATION_DATABASE_URL: db.ownerUrl,
    });
    try {
      const sessions = await appSessions(db.ownerUrl, db.name);
      expect(sessions.length).toBeGreaterThan(0);
      expect(new Set(sessions.map((s) => s.usename))).toEqual(new Set([TEST_APP_ROLE]));
      expect(app.output()).not.toMatch(WARNING);
    } finally {
      expect(await app.stop()).toBe(0);
    }
  }, 60_000);

  it('as a superuser without MIGRATION_DATABASE_URL: warns at start, and still serves', async () => {
    const app = await start({ ...common, DATABASE_URL: db.ownerUrl });
    try {
      expect((await fetch(`${app.base}/api/v1/quotes`)).status).toBe(200);
      expect(app.output()).toMatch(WARNING);
      expect(app.output()).toMatch(/is a superuser/);
      expect(app.output()).toMatch(/MIGRATION_DATABASE_URL/);
    } finally {
      expect(await app.stop()).toBe(0);
    }
  }, 60_000);
});
