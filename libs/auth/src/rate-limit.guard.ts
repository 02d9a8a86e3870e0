import { ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { ThrottlerRequest } from '@nestjs/throttler/dist/throttler.guard.interface';
import type { Response } from 'express';
import { AuthError, AuthErrorCode } from './auth.errors';
import { setRateLimitHeaders } from './rate-limit-headers';

// Limits per API key when one is sent, else per client address. One quota per key for all
// routes (the throttler's default key would give every route its own). Answers with the IETF
// RateLimit-* headers and, on 429, Retry-After and a plain message in the usual error shape.
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  protected override async getTracker(req: Record<string, unknown>): Promise<string> {
    const actor = req.actor as { keyId?: string | null } | undefined;
    return actor?.keyId ? `key:${actor.keyId}` : `ip:${String(req.ip)}`;
  }

  protected override generateKey(_ctx: ExecutionContext, tracker: string, name: string): string {
    return `${name}:${tracker}`;
  }

  protected override async shouldSkip(ctx: ExecutionContext): Promise<boolean> {
    return (await super.shouldSkip(ctx)) || ctx.getType() !== 'http';
  }

  protected override async handleRequest(r: ThrottlerRequest): Promise<boolean> {
    const { req } = this.getRequestResponse(r.context);
    const res = r.context.switchToHttp().getResponse<Response>();
    const tracker = await r.getTracker(req, r.context);
    const name = r.throttler.name ?? 'default';
    const hit = await this.storageService.increment(
      r.generateKey(r.context, tracker, name),
      r.ttl,
      r.limit,
      r.blockDuration,
      name,
    );
    const windowSeconds = Math.ceil(r.ttl / 1000);
    const state = {
      policy: name,
      limit: r.limit,
      remaining: r.limit - hit.totalHits,
      reset: hit.isBlocked ? hit.timeToBlockExpire : hit.timeToExpire,
      windowSeconds,
    };
    if (!hit.isBlocked) {
      setRateLimitHeaders(res, state);
      return true;
    }
    const retryAfter = Math.max(1, hit.timeToBlockExpire);
    setRateLimitHeaders(res, state, retryAfter);
    const per = tracker.startsWith('key:') ? 'key' : 'address';
    throw new AuthError(
      AuthErrorCode.RateLimited,
      `Too many requests: at most ${r.limit} ${name} a minute per ${per}. Retry in ${retryAfter} s.`,
      { limit: r.limit, windowSeconds, retryAfter, policy: name },
    );
  }
}
