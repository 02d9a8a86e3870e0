import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { MixedList } from 'typeorm';
import { SnakeNamingStrategy } from './snake-naming.strategy';
import { HealthController } from './health.controller';

export interface DatabaseOptions {
  url: string;
  poolSize: number;
  migrationsRun: boolean;
  // Passed in by the app so this lib does not depend on the migrations folder.
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- TypeORM's own type
  migrations: MixedList<Function>;
}

// synchronize is off everywhere: the migrations are the schema.
@Module({})
export class DatabaseModule {
  static forRoot(options: DatabaseOptions): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRoot({
          type: 'postgres',
          url: options.url,
          autoLoadEntities: true,
          synchronize: false,
          migrations: options.migrations,
          migrationsRun: options.migrationsRun,
          migrationsTransactionMode: 'each',
          namingStrategy: new SnakeNamingStrategy(),
          extra: { max: options.poolSize, application_name: 'quote-ledger' },
          retryAttempts: 3,
          retryDelay: 500,
        }),
      ],
      controllers: [HealthController],
    };
  }
}
