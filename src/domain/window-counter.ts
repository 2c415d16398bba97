/**
 * Counts per key in fixed windows (e.g. requests per token per minute), forgetting past
 * windows; `take` says whether one more fits, and if not, how long until the window ends.
 */
export function createWindowCounter(options: {
  limit: number;
  windowMs: number;
  now?: () => number;
}): { take(key: string): { ok: true } | { ok: false; retryAfterMs: number } } {
  const now = options.now ?? Date.now;
  let window = -1;
  let counts = new Map<string, number>();
  return {
    take(key) {
      if (options.limit === 0) return { ok: true };
      const at = now();
      const current = Math.floor(at / options.windowMs);
      if (current !== window) {
        window = current;
        counts = new Map();
      }
      const used = counts.get(key) ?? 0;
      if (used >= options.limit) {
        return { ok: false, retryAfterMs: (current + 1) * options.windowMs - at };
      }
      counts.set(key, used + 1);
      return { ok: true };
    },
  };
}
