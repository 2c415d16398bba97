import type { CachedResponse, ResponseCache } from './response-cache.ts';

/**
 * The in-process cache: an LRU of at most `maxEntries` answers, each dropped once its time to
 * live has passed. A Map keeps insertion order, so re-inserting on a hit makes the first key
 * the least recently used one.
 */
export function createMemoryResponseCache(options: {
  maxEntries: number;
  now?: () => number;
}): ResponseCache {
  const now = options.now ?? Date.now;
  const entries = new Map<string, { entry: CachedResponse; expiresAt: number }>();
  return {
    get(key) {
      const found = entries.get(key);
      if (!found) return Promise.resolve(undefined);
      entries.delete(key);
      if (found.expiresAt <= now()) return Promise.resolve(undefined);
      entries.set(key, found);
      return Promise.resolve(found.entry);
    },
    set(key, entry, ttlMs) {
      entries.delete(key);
      entries.set(key, { entry, expiresAt: now() + ttlMs });
      while (entries.size > options.maxEntries) {
        entries.delete(entries.keys().next().value as string);
      }
      return Promise.resolve();
    },
    close() {
      entries.clear();
      return Promise.resolve();
    },
  };
}
