import { DynamicModule, Module } from '@nestjs/common';
import {
  AppConfig,
  ConfigModule,
  DomainEventsModule,
  LoggerModule,
  replicaUrls,
} from '@app/common';
import { DatabaseModule } from '@app/database';
import { ArticlesModule } from '@app/articles';
import { QuotesModule } from '@app/quotes';
import { AuthModule } from '@app/auth';
import { ClaimsModule } from '@app/claims';
import { ExportsModule } from '@app/exports';
import { SpeakersModule } from '@app/speakers';
import { MIGRATIONS } from '@app/migrations';
import { webConsoleModules } from './web-console';

// Composes the libs; the validated config and the resolved database URLs come from outside
// so main.ts, the CLI and e2e tests build the same module. `migrationUrl` is the schema
// owner's (migrations and grants); without it `databaseUrl` is also the owner.
@Module({})
export class AppModule {
  static register(config: AppConfig, databaseUrl: string, migrationUrl?: string): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot(config.LOG_LEVEL),
        DatabaseModule.forRoot({
          url: databaseUrl,
          migrationUrl,
          replicaUrls: replicaUrls(config),
          poolSize: config.DB_POOL_SIZE,
          acquireTimeoutMs: config.DB_ACQUIRE_TIMEOUT_MS,
          statementTimeoutMs: config.DB_STATEMENT_TIMEOUT_MS,
          idleInTransactionTimeoutMs: config.DB_IDLE_IN_TRANSACTION_TIMEOUT_MS,
          migrationsRun: config.MIGRATIONS_RUN,
          migrations: MIGRATIONS,
        }),
        DomainEventsModule,
        AuthModule,
        ArticlesModule,
        SpeakersModule,
        QuotesModule,
        ClaimsModule,
        ExportsModule,
        ...webConsoleModules(),
      ],
    };
  }
}
