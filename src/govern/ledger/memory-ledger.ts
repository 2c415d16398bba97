import type { Ledger, LedgerBalance } from './ledger.ts';

/** The ledger of a single gateway process (no redis.url): counters in a map. */
export function createMemoryLedger(now: () => number = Date.now): Ledger {
  const balances = new Map<string, LedgerBalance & { expires: number }>();
  const balance = (key: string, ttlMs: number) => {
    let entry = balances.get(key);
    if (!entry || entry.expires <= now()) {
      entry = { spent: 0, reserved: 0, expires: 0 };
      balances.set(key, entry);
    }
    entry.expires = now() + ttlMs;
    return entry;
  };
  const claimed = new Set<string>();
  const forget = () => {
    for (const [key, entry] of balances) if (entry.expires <= now()) balances.delete(key);
  };
  return {
    reserve: (charges) => {
      forget();
      for (const charge of charges) {
        if (charge.limit === undefined) continue;
        const entry = balance(charge.key, charge.ttlMs);
        if (entry.spent + entry.reserved + charge.amount > charge.limit) {
          return Promise.resolve({
            reserved: false,
            key: charge.key,
            balance: { spent: entry.spent, reserved: entry.reserved },
          });
        }
      }
      for (const charge of charges) balance(charge.key, charge.ttlMs).reserved += charge.amount;
      return Promise.resolve({ reserved: true });
    },
    settle: (settlements) => {
      for (const settlement of settlements) {
        const entry = balance(settlement.key, settlement.ttlMs);
        entry.reserved = Math.max(0, entry.reserved - settlement.reserved);
        entry.spent += settlement.actual;
      }
      return Promise.resolve();
    },
    read: (keys) => {
      const found = new Map<string, LedgerBalance>();
      for (const key of keys) {
        const entry = balances.get(key);
        if (entry && entry.expires > now()) {
          found.set(key, { spent: entry.spent, reserved: entry.reserved });
        }
      }
      return Promise.resolve(found);
    },
    raiseSpent: (key, amount, ttlMs) => {
      const entry = balance(key, ttlMs);
      entry.spent = Math.max(entry.spent, amount);
      return Promise.resolve();
    },
    claimOnce: (key) => {
      const fresh = !claimed.has(key);
      claimed.add(key);
      return Promise.resolve(fresh);
    },
    close: () => Promise.resolve(),
  };
}
