import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig, ConfigModule, LoggerModule } from '@app/common';
import { DatabaseModule } from '@app/database';
import { ArticlesModule } from '@app/articles';
import { QuotesModule } from '@app/quotes';
import { AuthModule } from '@app/auth';
import { ClaimsModule } from '@app/claims';
import { ExportsModule } from '@app/exports';
import { SpeakersModule } from '@app/speakers';
import { MIGRATIONS } from '@app/migrations';

// The libs the CLI drives, without HTTP.
@Module({})
export class CliModule {
  static register(config: AppConfig, databaseUrl: string): DynamicModule {
    return {
      module: CliModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot(config.LOG_LEVEL),
        DatabaseModule.forRoot({ url: databaseUrl, poolSize: 4, migrationsRun: config.MIGRATIONS_RUN, migrations: MIGRATIONS }),
        AuthModule,
        ArticlesModule,
        SpeakersModule,
        QuotesModule,
        ClaimsModule,
        ExportsModule,
      ],
    };
  }
}
