import type { Store } from '../../store/store.ts';

/**
 * Output tokens a feature's calls to a model usually produce (the mean over the last week):
 * what a budget reserves for a call that sets no max_tokens. Read on every call without I/O;
 * refreshed from the store by the governance loop.
 */
export interface UsualOutput {
  get(feature: string | undefined, model: string | undefined): number | undefined;
  refresh(store: Store, now: number): Promise<void>;
}

const WEEK_MS = 7 * 86_400_000;

export function createUsualOutput(): UsualOutput {
  let means = new Map<string, number>();
  const key = (feature: string | undefined, model: string | undefined) =>
    `${feature ?? ''}\u0000${model ?? ''}`;
  return {
    get: (feature, model) => means.get(key(feature, model)),
    refresh: async (store, now) => {
      const rows = await store.report({
        dimensions: ['feature', 'model'],
        metric: 'tokens',
        grain: 'none',
        from: now - WEEK_MS,
        to: now,
        filters: [],
      });
      const next = new Map<string, number>();
      for (const row of rows) {
        if (row.requests === 0) continue;
        // Reports name a missing feature (unattributed); calls without one look it up as ''.
        const feature = row.feature === '(unattributed)' ? undefined : String(row.feature);
        next.set(key(feature, String(row.model)), Math.ceil(row.output_tokens / row.requests));
      }
      means = next;
    },
  };
}
