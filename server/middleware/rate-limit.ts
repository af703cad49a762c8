import type { Middleware } from 'koa';
import { RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { tooManyAttempts } from '../errors';
import type { AuthState } from './auth';
import { audit } from '../services/audit';
import { memoryLimiters, type LimiterFactory } from '../scale/limiters';

/** How many requests one address may make in a window. */
export interface RateLimits {
  points: number;
  windowSeconds: number;
}

/**
 * Public check-ins per address: a busy kiosk issues a ticket every half minute or so at its busiest, and each may
 * take a look-up, a check-in and a few retries; a minute's allowance of 60 leaves plenty of room for that while
 * stopping a script from emptying the token counter.
 */
export const DEFAULT_CHECK_IN_LIMITS: RateLimits = { points: 60, windowSeconds: 60 };

/**
 * Counts requests per client address, in memory or, with REDIS_URL, in Redis across servers (scale/limiters.ts).
 * `setLimits` replaces the limits at run time, so tests can make them tight without restarting the server.
 */
export class AddressRateLimiter {
  private limiter!: RateLimiterAbstract;
  private points = 0;

  constructor(
    limits: RateLimits = DEFAULT_CHECK_IN_LIMITS,
    private readonly limiters: LimiterFactory = memoryLimiters,
    private readonly name = 'check-in',
  ) {
    this.setLimits(limits);
  }

  /** New limits (in memory, counting from zero; in Redis, counted with every server that has the same limits). */
  setLimits(limits: RateLimits): void {
    this.limiter = this.limiters({ name: `${this.name}:${limits.points}/${limits.windowSeconds}`, points: limits.points, duration: limits.windowSeconds });
    this.points = limits.points;
  }

  /** Takes one request from `address`'s allowance; throws 429 `too_many_attempts` with Retry-After once it is spent. */
  async consume(address: string): Promise<void> {
    try {
      await this.limiter.consume(address);
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      // The first refusal of an address in a window is audited; one row per flood, not one per request, so a
      // script hammering the kiosk route cannot turn the limiter into a database write per request.
      if (rejection.consumedPoints === this.points + 1) {
        void audit({ userId: null, action: 'rate_limit.refused', ip: address, details: { limit: this.points } }).catch(() => undefined);
      }
      throw tooManyAttempts(
        'Too many check-ins from this screen in a short time. Please wait a moment, or ask at the reception desk.',
        rejection.msBeforeNext / 1000,
      );
    }
  }
}

/**
 * Rate-limits one public route by client address; put it in the route's own middleware list, after the router has
 * matched. Keyed on the matched route, never on the raw path: routing ignores case and trailing slashes
 * (`/API/QUEUE/CHECK-IN` reaches the same handler), so a path pattern checked before routing could be dodged.
 * Signed-in staff are not limited: a reception desk checks many people in from one computer.
 */
export function limitAnonymous(limiter: AddressRateLimiter): Middleware<AuthState> {
  return async (ctx, next) => {
    if (!ctx.state.user) await limiter.consume(ctx.ip);
    await next();
  };
}
