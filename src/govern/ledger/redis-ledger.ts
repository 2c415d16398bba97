import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Ledger, LedgerBalance } from './ledger.ts';
import { LedgerUnavailableError } from './ledger-unavailable-error.ts';

// Each script runs atomically in Redis: no replica sees another's half-done reservation.
// A counter is a hash: `spent`, and one `reserved:HOLDER` field per ledger (gateway process)
// holding reservations. A holder's reservations count only while its liveness key
// (HOLDERS .. HOLDER) exists: a gateway killed mid-call stops renewing it, and what it held
// lapses instead of blocking the budget until the period ends. `reserved` alone is what
// versions before holders wrote; it still counts.
const LIVE_RESERVED = `
local function live_reserved(key, holders)
  local fields = redis.call('HGETALL', key)
  local total = 0
  for j = 1, #fields, 2 do
    local field = fields[j]
    if field == 'reserved' then
      total = total + tonumber(fields[j + 1])
    elseif string.sub(field, 1, 9) == 'reserved:' then
      if redis.call('EXISTS', holders .. string.sub(field, 10)) == 1 then
        total = total + tonumber(fields[j + 1])
      else
        redis.call('HDEL', key, field)
      end
    end
  end
  return total
end
`;

// ARGV: the holders' key prefix, this holder, its liveness ttl, then amount, limit, ttl per
// key. Reserving renews the holder's own liveness: a holder that reserves is alive.
const RESERVE = `${LIVE_RESERVED}
local holders, mine = ARGV[1], 'reserved:' .. ARGV[2]
redis.call('SET', holders .. ARGV[2], '1', 'PX', ARGV[3])
for i, key in ipairs(KEYS) do
  local limit = tonumber(ARGV[3 * i + 2])
  if limit >= 0 then
    local spent = tonumber(redis.call('HGET', key, 'spent') or '0')
    local reserved = live_reserved(key, holders)
    if spent + reserved + tonumber(ARGV[3 * i + 1]) > limit then
      return { i, tostring(spent), tostring(reserved) }
    end
  end
end
for i, key in ipairs(KEYS) do
  redis.call('HINCRBY', key, mine, ARGV[3 * i + 1])
  redis.call('PEXPIRE', key, ARGV[3 * i + 3])
end
return { 0 }`;

// ARGV: this holder, then reserved, actual, ttl per key.
const SETTLE = `
local mine = 'reserved:' .. ARGV[1]
for i, key in ipairs(KEYS) do
  local left = redis.call('HINCRBY', key, mine, -tonumber(ARGV[3 * i - 1]))
  if left <= 0 then redis.call('HDEL', key, mine) end
  redis.call('HINCRBY', key, 'spent', ARGV[3 * i])
  redis.call('PEXPIRE', key, ARGV[3 * i + 1])
end
return 0`;

// ARGV: the holders' key prefix. Returns spent and live reserved per key ('' when absent).
const READ = `${LIVE_RESERVED}
local found = {}
for i, key in ipairs(KEYS) do
  if redis.call('EXISTS', key) == 1 then
    local spent = redis.call('HGET', key, 'spent') or '0'
    found[2 * i - 1] = spent
    found[2 * i] = tostring(live_reserved(key, ARGV[1]))
  else
    found[2 * i - 1] = ''
    found[2 * i] = ''
  end
end
return found`;

const RAISE = `
local spent = tonumber(redis.call('HGET', KEYS[1], 'spent') or '0')
if tonumber(ARGV[1]) > spent then redis.call('HSET', KEYS[1], 'spent', ARGV[1]) end
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return 0`;

/** One hash slot for every counter, so a script may touch several (Redis Cluster included). */
const PREFIX = 'tokenops:{ledger}:';
const HOLDERS = `${PREFIX}holder:`;

export interface RedisLedgerOptions {
  /** How long Redis waits at start before commands may fail (they retry as it comes up). */
  readyTimeoutMs?: number;
  /**
   * How long this ledger's reservations outlive its last sign of life (renewed at a third of
   * it): after a crash, its in-flight reservations stop counting once this has passed.
   */
  holderTtlMs?: number;
}

/**
 * The ledger shared by gateway replicas. Commands fail fast while Redis is down (no offline
 * queue) with LedgerUnavailableError, so each budget's onRedisDown decides, not a hung call.
 */
export async function createRedisLedger(
  url: string,
  { readyTimeoutMs = 2_000, holderTtlMs = 30_000 }: RedisLedgerOptions = {},
): Promise<Ledger> {
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
  const holder = randomBytes(8).toString('hex');
  const holderKey = HOLDERS + holder;
  // Missed renewals (Redis down) are not fatal: the next one restores the key, and until then
  // this ledger's reservations count for nobody, so a budget is passed by at most them.
  const renew = (): void => {
    redis.set(holderKey, '1', 'PX', holderTtlMs).catch(() => undefined);
  };
  renew();
  const renewal = setInterval(renew, Math.max(1, Math.floor(holderTtlMs / 3)));
  renewal.unref();
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
        const result = (await redis.eval(
          RESERVE,
          keys.length,
          ...keys,
          HOLDERS,
          holder,
          holderTtlMs,
          ...args,
        )) as unknown[];
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
        await redis.eval(SETTLE, keys.length, ...keys, holder, ...args);
      }),
    read: (keys) =>
      call(async () => {
        const found = new Map<string, LedgerBalance>();
        if (keys.length === 0) return found;
        const prefixed = keys.map((key) => PREFIX + key);
        const values = (await redis.eval(READ, keys.length, ...prefixed, HOLDERS)) as string[];
        keys.forEach((key, index) => {
          const spent = values[2 * index];
          if (spent === undefined || spent === '') return;
          found.set(key, { spent: Number(spent), reserved: Number(values[2 * index + 1] ?? 0) });
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
      clearInterval(renewal);
      // Calls are over when a ledger closes: whatever it still holds lapses now.
      await redis.del(holderKey).catch(() => undefined);
      redis.disconnect();
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
