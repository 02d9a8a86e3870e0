import { Injectable } from '@nestjs/common';
import { AppConfig } from '@app/common';

const WINDOW_MS = 60_000;
const MAX_ADDRESSES = 50_000;

// Failed authentications per client address in a fixed one-minute window. Past the limit, every
// request that presents a key from that address is refused with 429 until the window ends,
// valid key or not, so guessing keys gains nothing. In memory, per process.
@Injectable()
export class AuthFailureLimiter {
  private readonly failures = new Map<string, { count: number; resetAt: number }>();

  constructor(private readonly config: AppConfig) {}

  get limit(): number {
    return this.config.AUTH_FAILURES_PER_MINUTE;
  }

  // Seconds until `address` may try again; 0 when it may now.
  blockedFor(address: string, now = Date.now()): number {
    if (this.limit === 0) return 0;
    const entry = this.failures.get(address);
    if (!entry || entry.resetAt <= now || entry.count < this.limit) return 0;
    return Math.ceil((entry.resetAt - now) / 1000);
  }

  remaining(address: string, now = Date.now()): { remaining: number; reset: number } {
    const entry = this.failures.get(address);
    if (!entry || entry.resetAt <= now) return { remaining: this.limit, reset: WINDOW_MS / 1000 };
    return {
      remaining: Math.max(0, this.limit - entry.count),
      reset: Math.ceil((entry.resetAt - now) / 1000),
    };
  }

  fail(address: string, now = Date.now()): void {
    if (this.limit === 0) return;
    const entry = this.failures.get(address);
    if (entry && entry.resetAt > now) {
      entry.count += 1;
      return;
    }
    if (this.failures.size >= MAX_ADDRESSES) this.sweep(now);
    this.failures.set(address, { count: 1, resetAt: now + WINDOW_MS });
  }

  private sweep(now: number): void {
    for (const [address, entry] of this.failures) {
      if (entry.resetAt <= now) this.failures.delete(address);
    }
    // Still full: a flood of addresses. Forgetting them all is the bounded choice.
    if (this.failures.size >= MAX_ADDRESSES) this.failures.clear();
  }
}
