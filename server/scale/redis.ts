import { Redis } from 'ioredis';
import type { Logger } from '../logger';

/**
 * Opens the connection to REDIS_URL that several servers behind one balancer share (rate limits, leases). Commands
 * fail at once while Redis is away (no offline queue): callers fall back (a limiter to its in-memory insurance, a
 * lease to "not held") instead of hanging a request; ioredis keeps reconnecting in the background and says so in the log.
 */
export function connectRedis(url: string, logger: Logger, name = 'mediqueue'): Redis {
  const redis = new Redis(url, {
    connectionName: name,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    // Reconnect quickly at first, then every 2 s: a restarted Redis is back in use within seconds.
    retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
  });
  let down = false;
  redis.on('error', (error) => {
    if (!down) logger.error({ err: error }, 'redis unavailable; limits fall back to this server alone until it is back');
    down = true;
  });
  redis.on('ready', () => {
    if (down) logger.warn('redis is back');
    down = false;
  });
  return redis;
}

/**
 * Resolves once `redis` is ready, or after `ms` (false): a server starting while Redis is away still starts, counting
 * limits in memory until it connects. Waiting first keeps the shared limits shared from the first request on.
 */
export async function redisReady(redis: Redis, ms = 5_000): Promise<boolean> {
  if (redis.status === 'ready') return true;
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      redis.off('ready', ready);
      resolve(false);
    }, ms);
    const ready = () => {
      clearTimeout(timer);
      resolve(true);
    };
    redis.once('ready', ready);
  });
}
