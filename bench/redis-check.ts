import { Redis } from 'ioredis';

/** Null when Redis at `url` answers a PING within 3 s, else why not (the two-server case is then skipped). */
export async function redisAnswers(url: string): Promise<string | null> {
  const redis = new Redis(url, { lazyConnect: true, connectTimeout: 3000, maxRetriesPerRequest: 0, retryStrategy: () => null });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    await redis.ping();
    return null;
  } catch (error) {
    return `Redis not answering at ${url}: ${(error as Error).message}`;
  } finally {
    redis.disconnect();
  }
}
