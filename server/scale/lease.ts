import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';

// Renew only our own lease, and give up only our own: another server's must never be extended or deleted.
const RENEW = "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) else return 0 end";
const RELEASE = "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end";

/** Who runs a job that must run on one server at a time. */
export interface Lease {
  /** True when this server holds the lease now (taking it if it is free, renewing it if it is ours). */
  hold(): Promise<boolean>;
  /** Gives the lease up (shutdown), so another server takes over at once rather than after the expiry. */
  release(): Promise<void>;
}

/** The lease of a server on its own: always held. */
export const soleLease: Lease = { hold: async () => true, release: async () => undefined };

/**
 * A lease in Redis with an expiry: SET NX PX takes it, a script renews it only while it is still ours. A server that
 * dies stops renewing, and another takes the lease over once `ttlMs` has passed. While Redis is away nobody holds
 * it (the job waits) rather than everybody: running twice is the failure this exists to prevent.
 */
export class RedisLease implements Lease {
  readonly owner = randomUUID();

  constructor(
    private readonly redis: Redis,
    private readonly key: string,
    private readonly ttlMs: number,
  ) {}

  async hold(): Promise<boolean> {
    try {
      if ((await this.redis.eval(RENEW, 1, this.key, this.owner, String(this.ttlMs))) === 1) return true;
      return (await this.redis.set(this.key, this.owner, 'PX', this.ttlMs, 'NX')) === 'OK';
    } catch {
      return false;
    }
  }

  async release(): Promise<void> {
    await this.redis.eval(RELEASE, 1, this.key, this.owner).catch(() => undefined);
  }
}
