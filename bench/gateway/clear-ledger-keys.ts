import { Redis } from 'ioredis';

/**
 * Deletes a run's budget and rate counters from the shared Redis (patterns after the ledger's
 * `tokenops:{ledger}:` prefix), so runs do not pile keys up; cache entries expire by themselves.
 */
export async function clearLedgerKeys(url: string, patterns: readonly string[]): Promise<void> {
  if (patterns.length === 0) return;
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    for (const pattern of patterns) {
      const keys = await redis.keys(`tokenops:{ledger}:${pattern}`);
      if (keys.length > 0) await redis.del(...keys);
    }
  } finally {
    redis.disconnect();
  }
}
