import type { Redis } from 'ioredis';
import type { Ledger, LedgerBalance } from './ledger.ts';
import { LedgerUnavailableError } from './ledger-unavailable-error.ts';

// Each script runs atomically in Redis: no replica sees another's half-done reservation.
const RESERVE = `
for i, key in ipairs(KEYS) do
  local limit = tonumber(ARGV[3 * i - 1])
  if limit >= 0 then
    local spent = tonumber(redis.call('HGET', key, 'spent') or '0')
    local reserved = tonumber(redis.call('HGET', key, 'reserved') or '0')
    if spent + reserved + tonumber(ARGV[3 * i - 2]) > limit then
      return { i, tostring(spent), tostring(reserved) }
    end
  end
end
for i, key in ipairs(KEYS) do
  redis.call('HINCRBY', key, 'reserved', ARGV[3 * i - 2])
  redis.call('PEXPIRE', key, ARGV[3 * i])
end
return { 0 }`;

const SETTLE = `
for i, key in ipairs(KEYS) do
  local left = redis.call('HINCRBY', key, 'reserved', -tonumber(ARGV[3 * i - 2]))
  if left < 0 then redis.call('HSET', key, 'reserved', 0) end
  redis.call('HINCRBY', key, 'spent', ARGV[3 * i - 1])
  redis.call('PEXPIRE', key, ARGV[3 * i])
end
return 0`;

const RAISE = `
local spent = tonumber(redis.call('HGET', KEYS[1], 'spent') or '0')
if tonumber(ARGV[1]) > spent then redis.call('HSET', KEYS[1], 'spent', ARGV[1]) end
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return 0`;

/** One hash slot for every counter, so a script may touch several (Redis Cluster included). */
const PREFIX = 'tokenops:{ledger}:';

/**
 * The ledger shared by gateway replicas. Commands fail fast while Redis is down (no offline
 * queue) with LedgerUnavailableError, so each budget's onRedisDown decides, not a hung call.
 */
export async function createRedisLedger(url: string, readyTimeoutMs = 2_000): Promise<Ledger> {
  // Loaded here, not at import: commands that never meet Redis stay light.
  const { Redis: RedisClient } = await import('ioredis');
  const redis = new RedisClient(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    commandTimeout: 1_000,
    retryStrategy: (attempt) => Math.min(attempt * 100, 1_000),
  });
  // Connection errors are reported per command; the client keeps reconnecting meanwhile.
  redis.on('error', () => undefined);
  await waitReady(redis, readyTimeoutMs);
  const call = async <T>(run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (error) {
      throw new LedgerUnavailableError(url, error);
    }
  };
  return {
    reserve: (charges) =>
      call(async () => {
        const args = charges.flatMap((charge) => [charge.amount, charge.limit ?? -1, charge.ttlMs]);
        const keys = charges.map((charge) => PREFIX + charge.key);
        const result = (await redis.eval(RESERVE, keys.length, ...keys, ...args)) as unknown[];
        const index = Number(result[0]);
        if (index === 0) return { reserved: true };
        const refused = charges[index - 1];
        return {
          reserved: false,
          key: refused?.key ?? '',
          balance: { spent: Number(result[1]), reserved: Number(result[2]) },
        };
      }),
    settle: (settlements) =>
      call(async () => {
        if (settlements.length === 0) return;
        const keys = settlements.map((settlement) => PREFIX + settlement.key);
        const args = settlements.flatMap((item) => [item.reserved, item.actual, item.ttlMs]);
        await redis.eval(SETTLE, keys.length, ...keys, ...args);
      }),
    read: (keys) =>
      call(async () => {
        const found = new Map<string, LedgerBalance>();
        const pipeline = redis.pipeline();
        for (const key of keys) pipeline.hmget(PREFIX + key, 'spent', 'reserved');
        const results = (await pipeline.exec()) ?? [];
        keys.forEach((key, index) => {
          const [error, values] = results[index] ?? [];
          if (error) throw error;
          const [spent, reserved] = values as (string | null)[];
          if (spent === null && reserved === null) return;
          found.set(key, { spent: Number(spent ?? 0), reserved: Number(reserved ?? 0) });
        });
        return found;
      }),
    raiseSpent: (key, amount, ttlMs) =>
      call(async () => {
        await redis.eval(RAISE, 1, PREFIX + key, Math.round(amount), ttlMs);
      }),
    claimOnce: (key, ttlMs) =>
      call(async () => (await redis.set(`${PREFIX}claim:${key}`, '1', 'PX', ttlMs, 'NX')) === 'OK'),
    close: async () => {
      redis.disconnect();
      return Promise.resolve();
    },
  };
}

async function waitReady(redis: Redis, timeoutMs: number): Promise<void> {
  if (redis.status === 'ready') return;
  // Not ready in time is not fatal: commands fail until it connects, and budgets decide.
  await new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, timeoutMs);
    redis.once('ready', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}
