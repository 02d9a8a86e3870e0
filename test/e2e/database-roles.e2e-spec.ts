import { randomBytes } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { APP_OPTIONS, configureApp, loadConfig } from '@app/common';
import { excessPrivileges, withCredentials, withDatabase } from '@app/database';
import { AppModule } from '@app/api';
import { SeedLoader } from '@app/articles';
import { createTestApp, TestApp } from '../harness/test-app';
import { SEEDS_DIR } from '../harness/seeds';
import { sql } from '../harness/sql';
import { TEST_APP_ROLE } from '../harness/template';

const WANG = 'No one has been punished just because of his expressions of mind';

async function connect(url: string): Promise<Client> {
  const client = new Client({ connectionString: url });
  await client.connect();
  return client;
}

// The privilege system's refusal, not the triggers' (they raise the same SQLSTATE, 42501).
const REFUSED = {
  code: '42501',
  message: expect.stringMatching(/^(permission denied|must be owner)/),
};

interface History {
  reviews: unknown;
  audit: unknown;
  triggers: unknown;
}

// The first claim's reviews, the audit rows up to now and the history triggers, read as the owner.
async function history(ownerUrl: string, claimId: string, auditUpTo?: number): Promise<History> {
  const [row] = await sql<History & { last: string }>(
    ownerUrl,
    `SELECT (SELECT json_agg(r ORDER BY r.id) FROM claim_review r WHERE r.claim_id = $1) AS reviews,
            (SELECT json_agg(a ORDER BY a.id) FROM audit_log a WHERE a.id <= $2) AS audit,
            (SELECT json_agg(json_build_array(tgname, tgenabled) ORDER BY tgname) FROM pg_trigger
              WHERE tgfoid = 'refuse_history_change'::regproc) AS triggers`,
    [claimId, auditUpTo ?? Number.MAX_SAFE_INTEGER],
  );
  return row;
}

const lastAuditId = (h: History) =>
  Math.max(0, ...((h.audit as { id: number | string }[] | null) ?? []).map((a) => Number(a.id)));

const privilegesOf = (c: Client) => excessPrivileges(async (q, p) => (await c.query(q, p)).rows);

describe('database roles: the app reads and writes rows, the history stays', () => {
  let t: TestApp;
  let claimId: string;
  let before: History;

  // A claim on a quote, with one review (and the audit rows both leave).
  async function reviewedClaim(q: string): Promise<string> {
    const quote = (await request(t.http).get('/api/v1/quotes').query({ q })).body.items[0];
    const id = (
      await request(t.http)
        .post('/api/v1/claims')
        .set(t.as('reviewer'))
        .send({ quoteId: quote.id })
        .expect(201)
    ).body.id;
    await request(t.http)
      .post(`/api/v1/claims/${id}/reviews`)
      .set(t.as('reviewer'))
      .set('If-Match', '"1"')
      .send({ verdict: 'disputed', rationale: 'Prosecutions for speech are documented.' })
      .expect(201);
    return id;
  }

  beforeAll(async () => {
    t = await createTestApp();
    await t.app.get(SeedLoader).load(SEEDS_DIR);
    claimId = await reviewedClaim(WANG);
    before = await history(t.db.ownerUrl, claimId);
  });
  afterAll(() => t.close());

  it('runs as the restricted role, which holds no power beyond its rows', async () => {
    const [{ role }] = await t.app.get(DataSource).query('SELECT current_user AS role');
    expect(role).toBe(TEST_APP_ROLE);
    const app = await connect(t.db.url);
    try {
      expect(await privilegesOf(app)).toEqual([]);
    } finally {
      await app.end();
    }
    // The same check on the owner's connection finds what the app is spared.
    const owner = await connect(t.db.ownerUrl);
    try {
      expect(await privilegesOf(owner)).toEqual([expect.stringMatching(/^is a superuser: /)]);
    } finally {
      await owner.end();
    }
  });

  it.each([
    'TRUNCATE audit_log',
    'TRUNCATE claim_review',
    'TRUNCATE claim_review CASCADE',
    'TRUNCATE quote',
    'ALTER TABLE claim_review DISABLE TRIGGER ALL',
    'ALTER TABLE claim_review DISABLE TRIGGER claim_review_append_only',
    'ALTER TABLE audit_log DISABLE TRIGGER USER',
    'SET session_replication_role = replica',
    `SELECT set_config('session_replication_role', 'replica', false)`,
    'DROP TRIGGER claim_review_append_only ON claim_review',
    'DROP TRIGGER audit_log_append_only ON audit_log',
    'DROP TRIGGER audit_log_no_truncate ON audit_log',
    'DROP FUNCTION refuse_history_change() CASCADE',
    `UPDATE audit_log SET actor_name = 'someone else'`,
    'DELETE FROM audit_log',
    `UPDATE claim_review SET verdict = 'verified'`,
    'DELETE FROM claim_review',
    'ALTER TABLE claim_review RENAME TO claim_review_old',
    'ALTER TABLE quote ADD COLUMN x int',
    'DROP TABLE claim_review',
    'CREATE TABLE scratch (id int)',
    'CREATE TRIGGER t BEFORE INSERT ON quote FOR EACH ROW EXECUTE FUNCTION refuse_history_change()',
    `SELECT setval(pg_get_serial_sequence('audit_log', 'id'), 1)`,
    'SELECT * FROM migrations',
    'CREATE ROLE intruder',
    'CREATE DATABASE intruder',
    'ALTER ROLE CURRENT_USER SUPERUSER',
  ])('refuses, as the app role: %s', async (statement) => {
    const app = await connect(t.db.url);
    try {
      await expect(app.query(statement)).rejects.toMatchObject(REFUSED);
    } finally {
      await app.end();
    }
    expect(await history(t.db.ownerUrl, claimId, lastAuditId(before))).toEqual(before);
  });

  it('keeps the history triggers enabled, as the second line', () => {
    // What the refusals above compare against is real history: a review and its audit rows.
    expect(before.reviews).toHaveLength(1);
    expect((before.audit as unknown[]).length).toBeGreaterThanOrEqual(2);
    expect(before.triggers).toEqual([
      ['audit_log_append_only', 'O'],
      ['audit_log_no_truncate', 'O'],
      ['claim_review_append_only', 'O'],
      ['claim_review_no_truncate', 'O'],
    ]);
  });

  it('still appends reviews and updates claims as the restricted role', async () => {
    const other = await reviewedClaim('unprecedented');
    const second = await request(t.http)
      .post(`/api/v1/claims/${other}/reviews`)
      .set(t.as('reviewer'))
      .set('If-Match', '"2"')
      .send({ verdict: 'false', rationale: 'Named cases contradict it.' })
      .expect(201);
    expect(second.body).toMatchObject({ status: 'false', version: 3 });
    const detail = await request(t.http).get(`/api/v1/claims/${other}`).expect(200);
    expect(detail.body.history).toHaveLength(2);
    const audit = await request(t.http).get('/api/v1/audit').set(t.as('admin')).expect(200);
    expect(JSON.stringify(audit.body)).toContain(other);
  });
});

// A server of one's own: an owner role and an app role, neither a superuser.
describe('database roles on a server of your own', () => {
  const serverUrl = process.env.QL_TEST_SERVER_URL ?? '';
  const suffix = randomBytes(4).toString('hex');
  const [ownerRole, appRole, database] = [
    `ql_owner_${suffix}`,
    `ql_app_${suffix}`,
    `ql_own_${suffix}`,
  ];
  const password = `pw-${suffix}`;
  const dbUrl = withDatabase(serverUrl, database);
  const ownerUrl = withCredentials(dbUrl, ownerRole, password);
  const appUrl = withCredentials(dbUrl, appRole, password);
  const admin = 'own-server-admin-key-0123456789';

  async function startApp(env: Record<string, string>): Promise<NestExpressApplication> {
    const config = loadConfig({
      LOG_LEVEL: 'silent',
      SEED_ON_START: 'false',
      BOOTSTRAP_ADMIN_KEY: admin,
      RATE_LIMIT_READS: '0',
      RATE_LIMIT_WRITES: '0',
      ...env,
    });
    const moduleRef = await Test.createTestingModule({
      imports: [
        AppModule.register(config, config.DATABASE_URL ?? '', config.MIGRATION_DATABASE_URL),
      ],
    }).compile();
    const app = moduleRef.createNestApplication<NestExpressApplication>(APP_OPTIONS);
    configureApp(app);
    await app.init();
    return app;
  }

  beforeEach(async () => {
    await sql(
      withDatabase(serverUrl, 'postgres'),
      `CREATE ROLE ${ownerRole} LOGIN PASSWORD '${password}'`,
    );
    await sql(
      withDatabase(serverUrl, 'postgres'),
      `CREATE ROLE ${appRole} LOGIN PASSWORD '${password}'`,
    );
    await sql(
      withDatabase(serverUrl, 'postgres'),
      `CREATE DATABASE ${database} OWNER ${ownerRole}`,
    );
  });
  afterEach(async () => {
    const postgres = withDatabase(serverUrl, 'postgres');
    await sql(postgres, `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await sql(postgres, `DROP ROLE IF EXISTS ${appRole}`);
    await sql(postgres, `DROP ROLE IF EXISTS ${ownerRole}`);
    jest.restoreAllMocks();
  });

  it('MIGRATION_DATABASE_URL migrates and grants DATABASE_URL its rows; no warning', async () => {
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const app = await startApp({ DATABASE_URL: appUrl, MIGRATION_DATABASE_URL: ownerUrl });
    try {
      await request(app.getHttpServer())
        .post('/api/v1/articles')
        .set('Authorization', `Bearer ${admin}`)
        .send({ body: `“${WANG},” said Wang Baodong, a spokesman.`, title: 'Own server' })
        .expect(201);
      const owners = await sql<{ owner: string }>(
        ownerUrl,
        `SELECT DISTINCT tableowner AS owner FROM pg_tables WHERE schemaname = 'public'`,
      );
      expect(owners).toEqual([{ owner: ownerRole }]);
      const client = await connect(appUrl);
      try {
        expect(await privilegesOf(client)).toEqual([]);
        await expect(client.query('TRUNCATE claim_review')).rejects.toMatchObject({
          code: '42501',
        });
        await expect(client.query('DELETE FROM audit_log')).rejects.toMatchObject({
          code: '42501',
        });
      } finally {
        await client.end();
      }
      expect(warn.mock.calls.flat().join('\n')).not.toMatch(/can do more than the app needs/);
    } finally {
      await app.close();
    }
  });

  it('without it, DATABASE_URL migrates and the app warns that its role can do too much', async () => {
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const app = await startApp({ DATABASE_URL: ownerUrl });
    try {
      await request(app.getHttpServer()).get('/api/v1/quotes').expect(200);
      const warning = warn.mock.calls.flat().join('\n');
      expect(warning).toMatch(
        new RegExp(`"${ownerRole}" of DATABASE_URL can do more than the app needs`),
      );
      expect(warning).toMatch(/owns tables \(api_key, article, .* and \d+ more\)/);
      expect(warning).toMatch(/can TRUNCATE/);
      expect(warning).toMatch(/can UPDATE or DELETE the append-only audit_log, claim_review/);
      expect(warning).toMatch(/MIGRATION_DATABASE_URL/);
    } finally {
      await app.close();
    }
  });
});

describe('MIGRATION_DATABASE_URL in the configuration', () => {
  it('is refused without DATABASE_URL (the embedded server makes its own roles)', () => {
    expect(() =>
      loadConfig({ MIGRATION_DATABASE_URL: 'postgres://owner:pw@127.0.0.1:5432/quote_ledger' }),
    ).toThrow(/MIGRATION_DATABASE_URL: needs DATABASE_URL/);
  });

  it('must be a postgres:// URL', () => {
    expect(() =>
      loadConfig({ DATABASE_URL: 'postgres://app@h/db', MIGRATION_DATABASE_URL: 'mysql://x' }),
    ).toThrow(/MIGRATION_DATABASE_URL must be a postgres:\/\/ URL/);
  });
});
