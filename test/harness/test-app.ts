import { Test } from '@nestjs/testing';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { APP_OPTIONS, configureApp, loadConfig } from '@app/common';
import { AppModule } from '../../apps/api/src/app.module';
import { createTestDatabase, TestDatabase } from './test-database';

export interface TestApp {
  app: NestExpressApplication;
  http: ReturnType<NestExpressApplication['getHttpServer']>;
  db: TestDatabase;
  close(): Promise<void>;
}

// The real AppModule with the same configureApp as main.ts, on a fresh database.
export async function createTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const db = await createTestDatabase();
  const config = loadConfig({ LOG_LEVEL: 'silent', MIGRATIONS_RUN: 'false', SEED_ON_START: 'false', ...env });
  const moduleRef = await Test.createTestingModule({ imports: [AppModule.register(config, db.url)] }).compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>(APP_OPTIONS);
  configureApp(app);
  await app.init();
  return {
    app,
    http: app.getHttpServer(),
    db,
    close: async () => {
      await app.close();
      await db.drop();
    },
  };
}
