import { ExecutionContext, Global, Module, OnApplicationBootstrap } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '@app/common';
import { ApiKeyGuard } from './api-key.guard';
import { ApiKeyRepository } from './api-key.repository';
import { ApiKeysService } from './api-keys.service';
import { AuthFailureLimiter } from './auth-failure-limiter';
import { KeyChangeListener } from './key-change.listener';
import { AuditController } from './audit.controller';
import { AuditService } from './audit.service';
import { ApiKeyEntity } from './entities/api-key.entity';
import { AuditEntryEntity } from './entities/audit-entry.entity';
import { KeysController } from './keys.controller';
import { RateLimitGuard } from './rate-limit.guard';

const isRead = (ctx: ExecutionContext) =>
  ['GET', 'HEAD', 'OPTIONS'].includes(ctx.switchToHttp().getRequest<{ method: string }>().method);

// Keys, roles and the audit trail. Guards run in order: who you are, then how often.
@Global()
@Module({
  imports: [
    TypeOrmModule.forFeature([ApiKeyEntity, AuditEntryEntity]),
    ThrottlerModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        throttlers: [
          {
            name: 'reads',
            ttl: 60_000,
            limit: config.RATE_LIMIT_READS,
            skipIf: (ctx) => config.RATE_LIMIT_READS === 0 || !isRead(ctx),
          },
          {
            name: 'writes',
            ttl: 60_000,
            limit: config.RATE_LIMIT_WRITES,
            skipIf: (ctx) => config.RATE_LIMIT_WRITES === 0 || isRead(ctx),
          },
        ],
      }),
    }),
  ],
  controllers: [KeysController, AuditController],
  providers: [
    ApiKeyRepository,
    ApiKeysService,
    AuthFailureLimiter,
    KeyChangeListener,
    AuditService,
    { provide: APP_GUARD, useClass: ApiKeyGuard },
    { provide: APP_GUARD, useClass: RateLimitGuard },
  ],
  exports: [ApiKeysService, AuditService],
})
export class AuthModule implements OnApplicationBootstrap {
  constructor(
    private readonly keys: ApiKeysService,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.BOOTSTRAP_ADMIN_KEY)
      await this.keys.ensureBootstrapAdmin(this.config.BOOTSTRAP_ADMIN_KEY);
  }
}
