import { ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';

// Limits per API key when one is sent, else per client address.
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  protected override async getTracker(req: Record<string, unknown>): Promise<string> {
    const actor = req.actor as { keyId?: string | null } | undefined;
    return actor?.keyId ? `key:${actor.keyId}` : `ip:${String(req.ip)}`;
  }

  protected override async shouldSkip(ctx: ExecutionContext): Promise<boolean> {
    return (await super.shouldSkip(ctx)) || ctx.getType() !== 'http';
  }
}
