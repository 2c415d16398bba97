/**
 * Results of slow read-only work (recommendations read the period twice), kept for a while
 * and shared: a request arriving while the same work runs waits for it instead of starting
 * it again. The key names the inputs, the stored data's extent included, so new calls give a
 * new key; a failure is not kept.
 */
export interface SharedResultCache<T> {
  get(key: string, compute: () => Promise<T>): Promise<T>;
}

export function createSharedResultCache<T>(options: {
  ttlMs: number;
  maxEntries: number;
  now?: () => number;
}): SharedResultCache<T> {
  const now = options.now ?? Date.now;
  const entries = new Map<string, { at: number; result: Promise<T> }>();
  return {
    get(key, compute) {
      const kept = entries.get(key);
      if (kept && now() - kept.at < options.ttlMs) return kept.result;
      entries.delete(key);
      const result = compute();
      entries.set(key, { at: now(), result });
      result.catch(() => {
        if (entries.get(key)?.result === result) entries.delete(key);
      });
      // Oldest first: Map keeps insertion order.
      for (const oldest of entries.keys()) {
        if (entries.size <= options.maxEntries) break;
        entries.delete(oldest);
      }
      return result;
    },
  };
}
