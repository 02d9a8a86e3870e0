import type { ModuleMetadata, Type } from '@nestjs/common';
import { Test, TestingModule } from '@nestjs/testing';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AuthModule } from '@app/auth';
import { ConfigModule, DomainEventsModule, loadConfig } from '@app/common';
import { DatabaseModule } from '@app/database';
import { MIGRATIONS } from '@app/migrations';
import { createTestDatabase, TestDatabase } from '../harness/test-database';

export interface MediumApp {
  module: TestingModule;
  get<T>(type: Type<T>): T;
  // The app's own data source, for factories and assertions in SQL.
  dataSource: DataSource;
  db: TestDatabase;
  close(): Promise<void>;
}

// The libs under test on a fresh clone of the migrated template, wired as apps/api's AppModule
// wires them (config, database with ambient transactions, domain events, audit), with no HTTP.
// `imports` names the libs under test; their handlers are found at init, as in the app.
// `replicaUrls`: read replicas for the data source (DATABASE_REPLICA_URLS).
export async function createMediumApp(
  metadata: ModuleMetadata = {},
  options: { replicaUrls?: string[] } = {},
): Promise<MediumApp> {
  const db = await createTestDatabase();
  const config = loadConfig({ LOG_LEVEL: 'silent', MIGRATIONS_RUN: 'false' });
  try {
    const module = await Test.createTestingModule({
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule.forRoot({
          url: db.url,
          replicaUrls: options.replicaUrls,
          poolSize: config.DB_POOL_SIZE,
          acquireTimeoutMs: config.DB_ACQUIRE_TIMEOUT_MS,
          statementTimeoutMs: config.DB_STATEMENT_TIMEOUT_MS,
          idleInTransactionTimeoutMs: config.DB_IDLE_IN_TRANSACTION_TIMEOUT_MS,
          migrationsRun: false,
          migrations: MIGRATIONS,
        }),
        DomainEventsModule,
        AuthModule,
        ...(metadata.imports ?? []),
      ],
      providers: metadata.providers ?? [],
    }).compile();
    await module.init();
    return {
      module,
      get: <T>(type: Type<T>) => module.get(type, { strict: false }),
      dataSource: module.get<DataSource>(getDataSourceToken()),
      db,
      close: async () => {
        await module.close();
        await db.drop();
      },
    };
  } catch (e) {
    await db.drop();
    throw e;
  }
}
