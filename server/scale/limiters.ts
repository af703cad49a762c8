import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, type RateLimiterAbstract } from 'rate-limiter-flexible';

/** One allowance: `points` per `duration` seconds per key; `name` keeps different allowances' keys apart. */
export interface LimitSpec {
  name: string;
  points: number;
  duration: number;
}

/** Makes rate limiters: counted in Redis when servers share one, else in this process. */
export type LimiterFactory = (spec: LimitSpec) => RateLimiterAbstract;

/** Limiters counted in this process only (one server, no REDIS_URL). */
export const memoryLimiters: LimiterFactory = ({ points, duration }) => new RateLimiterMemory({ points, duration });

/**
 * Limiters counted in Redis, so an allowance holds across every server behind the balancer: an attacker spreading
 * sign-in guesses over two servers meets one limit. While Redis is away each server counts alone in memory
 * (rate-limiter-flexible's insurance limiter): limits loosen for a while, requests never fail for it.
 */
export function redisLimiters(redis: Redis, prefix: string): LimiterFactory {
  return ({ name, points, duration }) =>
    new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: `${prefix}:${name}`,
      points,
      duration,
      rejectIfRedisNotReady: true,
      insuranceLimiter: new RateLimiterMemory({ points, duration }),
    });
}
