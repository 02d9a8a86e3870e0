import { DynamicModule, Module } from '@nestjs/common';
import { getDataSourceToken, TypeOrmModule } from '@nestjs/typeorm';
import { ClsPluginTransactional } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { ClsModule } from 'nestjs-cls';
import type { MixedList } from 'typeorm';
import { SnakeNamingStrategy } from './snake-naming.strategy';
import { HealthController } from './health.controller';
import { runOwnerStep } from './owner-step';
import { DatabaseRoleCheck } from './database-role-check';

// The resolved connection strings, for clients that keep their own pool (the job queue).
export const DATABASE_URLS = Symbol('DatabaseUrls');
export interface DatabaseUrls {
  url: string;
  ownerUrl: string;
}

export interface DatabaseOptions {
  url: string;
  // The schema owner's connection string, for the migrations and the app role's grants
  // (MIGRATION_DATABASE_URL, or the embedded superuser). Unset: `url` is also the owner.
  migrationUrl?: string;
  // Read replicas (DATABASE_REPLICA_URLS): @ReadReplica() use cases and exports read there.
  replicaUrls?: string[];
  // Each pool's size: the primary's, and each replica's.
  poolSize: number;
  // How long a request waits for a free connection before it is answered 503.
  acquireTimeoutMs: number;
  // Longest statement, and longest idle time inside an open transaction, before Postgres ends it.
  statementTimeoutMs: number;
  idleInTransactionTimeoutMs: number;
  migrationsRun: boolean;
  // Passed in by the app so this lib does not depend on the migrations folder.
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- TypeORM's own type
  migrations: MixedList<Function>;
}

// synchronize is off everywhere: the migrations are the schema. Transactions are ambient
// (nestjs-cls): a use case opens one with @WriteTransaction() and every repository below it
// uses that connection, so no code path holds one connection while asking for another.
@Module({})
export class DatabaseModule {
  static forRoot(options: DatabaseOptions): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        // The owner's step (migrations, then grants) runs before the app's pool opens.
        TypeOrmModule.forRootAsync({
          useFactory: async () => {
            await runOwnerStep({
              ownerUrl: options.migrationUrl ?? options.url,
              appUrl: options.url,
              migrationsRun: options.migrationsRun,
              migrations: options.migrations,
            });
            const replicas = options.replicaUrls ?? [];
            return {
              type: 'postgres',
              // TypeORM replication: a pool per server. Reads go to the primary unless asked for
              // a replica (defaultMode), so only the use cases that opt in can see stale data.
              ...(replicas.length
                ? {
                    replication: {
                      master: { url: options.url, applicationName: 'quote-ledger' },
                      slaves: replicas.map((url) => ({
                        url,
                        applicationName: 'quote-ledger-read',
                      })),
                      defaultMode: 'master' as const,
                    },
                  }
                : { url: options.url, applicationName: 'quote-ledger' }),
              autoLoadEntities: true,
              synchronize: false,
              migrations: options.migrations,
              migrationsRun: false,
              migrationsTransactionMode: 'each',
              namingStrategy: new SnakeNamingStrategy(),
              extra: {
                max: options.poolSize,
                connectionTimeoutMillis: options.acquireTimeoutMs,
                statement_timeout: options.statementTimeoutMs,
                idle_in_transaction_session_timeout: options.idleInTransactionTimeoutMs,
              },
              retryAttempts: 3,
              retryDelay: 500,
            };
          },
        }),
        ClsModule.forRoot({
          global: true,
          plugins: [
            new ClsPluginTransactional({
              imports: [TypeOrmModule],
              adapter: new TransactionalAdapterTypeOrm({ dataSourceToken: getDataSourceToken() }),
            }),
          ],
        }),
      ],
      controllers: [HealthController],
      providers: [
        DatabaseRoleCheck,
        {
          provide: DATABASE_URLS,
          useValue: { url: options.url, ownerUrl: options.migrationUrl ?? options.url },
        },
      ],
      exports: [DATABASE_URLS],
      global: true,
    };
  }
}
