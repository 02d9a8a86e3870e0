import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Actor, AppConfig, requestContext, satisfies } from '@app/common';
import type { Request, Response } from 'express';
import { Access, ACCESS_KEY } from '@app/common';
import { ApiKeysService } from './api-keys.service';
import { AuthError, AuthErrorCode } from './auth.errors';
import { AuthFailureLimiter } from './auth-failure-limiter';
import { setRateLimitHeaders } from './rate-limit-headers';

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

// Global guard: every route is public, a read, or needs a role; a write with no explicit
// access rule needs a reviewer. A key that is sent must be valid, even on a public read.
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly keys: ApiKeysService,
    private readonly config: AppConfig,
    private readonly failures: AuthFailureLimiter,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const req = ctx.switchToHttp().getRequest<Request & { actor?: Actor }>();
    const access =
      this.reflector.getAllAndOverride<Access>(ACCESS_KEY, [ctx.getHandler(), ctx.getClass()]) ??
      (READ_METHODS.has(req.method) ? { kind: 'read' } : { kind: 'role', role: 'reviewer' });
    const actor = await this.actorOf(req, ctx.switchToHttp().getResponse<Response>());
    if (actor) {
      req.actor = actor;
      requestContext.setActor(actor);
    }
    if (access.kind === 'public') return true;
    if (access.kind === 'read') {
      if (!actor && this.config.READS_REQUIRE_KEY)
        throw new AuthError(
          AuthErrorCode.MissingKey,
          'An API key is required: Authorization: Bearer <key>',
        );
      return true;
    }
    if (!actor)
      throw new AuthError(
        AuthErrorCode.MissingKey,
        `This needs a ${access.role} key: Authorization: Bearer <key>`,
      );
    if (!actor.role || !satisfies(actor.role, access.role)) {
      throw new AuthError(
        AuthErrorCode.Forbidden,
        `This needs the ${access.role} role; the key has ${actor.role}`,
        { need: access.role, have: actor.role },
      );
    }
    return true;
  }

  // A sent key must be valid. Failed attempts count per address; past the limit, 429.
  private async actorOf(req: Request, res: Response): Promise<Actor | null> {
    const header = req.headers.authorization;
    if (header === undefined) return null;
    const address = String(req.ip);
    const wait = this.failures.blockedFor(address);
    if (wait > 0) {
      setRateLimitHeaders(
        res,
        {
          policy: 'auth-failures',
          limit: this.failures.limit,
          remaining: 0,
          reset: wait,
          windowSeconds: 60,
        },
        wait,
      );
      throw new AuthError(
        AuthErrorCode.TooManyFailedAttempts,
        `Too many failed authentication attempts from this address. Retry in ${wait} s.`,
        { limit: this.failures.limit, windowSeconds: 60, retryAfter: wait },
      );
    }
    const match = /^Bearer\s+(\S{8,512})\s*$/i.exec(header);
    const actor = match ? await this.keys.authenticate(match[1]) : null;
    if (actor) return actor;
    this.failures.fail(address);
    if (!match)
      throw new AuthError(AuthErrorCode.InvalidKey, 'Authorization must be "Bearer <key>"');
    throw new AuthError(AuthErrorCode.InvalidKey, 'Unknown or revoked API key');
  }
}
