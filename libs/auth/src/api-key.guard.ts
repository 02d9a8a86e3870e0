import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Actor, AppConfig, requestContext, satisfies } from '@app/common';
import type { Request } from 'express';
import { Access, ACCESS_KEY } from '@app/common';
import { ApiKeysService } from './api-keys.service';
import { AuthError, AuthErrorCode } from './auth.errors';

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

// Global guard: every route is public, a read, or needs a role; a write with no explicit
// access rule needs a reviewer. A key that is sent must be valid, even on a public read.
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly keys: ApiKeysService,
    private readonly config: AppConfig,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const req = ctx.switchToHttp().getRequest<Request & { actor?: Actor }>();
    const access =
      this.reflector.getAllAndOverride<Access>(ACCESS_KEY, [ctx.getHandler(), ctx.getClass()]) ??
      (READ_METHODS.has(req.method) ? { kind: 'read' } : { kind: 'role', role: 'reviewer' });
    const actor = await this.actorOf(req.headers.authorization);
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

  private async actorOf(header: string | undefined): Promise<Actor | null> {
    if (header === undefined) return null;
    const match = /^Bearer\s+(\S{8,512})\s*$/i.exec(header);
    if (!match)
      throw new AuthError(AuthErrorCode.InvalidKey, 'Authorization must be "Bearer <key>"');
    const actor = await this.keys.authenticate(match[1]);
    if (!actor) throw new AuthError(AuthErrorCode.InvalidKey, 'Unknown or revoked API key');
    return actor;
  }
}
