import { decodeCachedResponse, encodeCachedResponse } from './cached-response-codec.ts';
import type { ResponseCache } from './response-cache.ts';

const PREFIX = 'tokenops:cache:exact:';

/**
 * The cache gateway replicas share. Redis expires each entry itself (PX) and bounds memory by
 * its own maxmemory policy. Commands fail fast while Redis is down (no offline queue, short
 * timeout), so a call never waits on the cache: the gateway forwards it as a miss.
 */
export async function createRedisResponseCache(
  url: string,
  readyTimeoutMs = 2_000,
): Promise<ResponseCache> {
  // Loaded here, not at import: gateways without Redis never load the client.
  const { Redis: RedisClient } = await import('ioredis');
  const redis = new RedisClient(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    commandTimeout: 500,
    retryStrategy: (attempt) => Math.min(attempt * 100, 1_000),
  });
  // Connection errors surface per command; the client keeps reconnecting meanwhile.
  redis.on('error', () => undefined);
  if (redis.status !== 'ready') {
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, readyTimeoutMs);
      redis.once('ready', () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
  return {
    async get(key) {
      const value = await redis.getBuffer(PREFIX + key);
      return value ? decodeCachedResponse(value) : undefined;
    },
    async set(key, entry, ttlMs) {
      await redis.set(PREFIX + key, encodeCachedResponse(entry), 'PX', Math.max(1, ttlMs));
    },
    close() {
      redis.disconnect();
      return Promise.resolve();
    },
  };
}
