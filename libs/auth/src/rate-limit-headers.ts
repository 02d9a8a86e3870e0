import type { Response } from 'express';

export interface RateLimitState {
  policy: string;
  limit: number;
  remaining: number;
  // Seconds until the quota resets (or the block ends).
  reset: number;
  windowSeconds: number;
}

// IETF draft-ietf-httpapi-ratelimit-headers, in its split-field form (as @nestjs/throttler and
// most gateways emit it): RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset (delta seconds)
// and RateLimit-Policy "<limit>;w=<window>". A 429 also carries Retry-After (RFC 9110).
export function setRateLimitHeaders(res: Response, s: RateLimitState, retryAfter?: number): void {
  res.setHeader('RateLimit-Limit', String(s.limit));
  res.setHeader('RateLimit-Remaining', String(Math.max(0, s.remaining)));
  res.setHeader('RateLimit-Reset', String(Math.max(0, s.reset)));
  res.setHeader('RateLimit-Policy', `${s.limit};w=${s.windowSeconds};comment="${s.policy}"`);
  if (retryAfter !== undefined) res.setHeader('Retry-After', String(Math.max(1, retryAfter)));
}
