import { Test } from '@nestjs/testing';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { APP_OPTIONS, configureApp, loadConfig, Role } from '@app/common';
import { ApiKeysService } from '@app/auth';
import { AppModule } from '@app/api';
import { createTestDatabase, TestDatabase } from './test-database';

export type Keys = Record<Role, string>;

export interface TestApp {
  app: NestExpressApplication;
  keys: Keys;
  // Authorization header for a role.
  as(role: Role): { Authorization: string };
  http: ReturnType<NestExpressApplication['getHttpServer']>;
  db: TestDatabase;
  close(): Promise<void>;
}

// The real AppModule with the same configureApp as main.ts, on a fresh database.
export async function createTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const db = await createTestDatabase();
  const admin = 'test-admin-key-0123456789';
  const config = loadConfig({
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    MIGRATIONS_RUN: 'false',
    SEED_ON_START: 'false',
    BOOTSTRAP_ADMIN_KEY: admin,
    RATE_LIMIT_READS: '0',
    RATE_LIMIT_WRITES: '0',
    // Limits are opted into by the tests that check them (hostile-auth).
    AUTH_FAILURES_PER_MINUTE: '0',
    ...env,
  });
  const moduleRef = await Test.createTestingModule({
    imports: [AppModule.register(config, db.url)],
  }).compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>(APP_OPTIONS);
  configureApp(app);
  await app.init();
  const service = app.get(ApiKeysService);
  const keys: Keys = {
    admin,
    reviewer: (await service.create('Rita Reviewer', 'reviewer')).key,
    journalist: (await service.create('Jo Journalist', 'journalist')).key,
  };
  return {
    app,
    keys,
    as: (role: Role) => ({ Authorization: `Bearer ${keys[role]}` }),
    http: app.getHttpServer(),
    db,
    close: async () => {
      await app.close();
      await db.drop();
    },
  };
}
