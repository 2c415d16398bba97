import { parseRecommendRequest, recommend, type Recommendation } from '../../optimize/index.ts';
import { createSharedResultCache } from '../shared-result-cache.ts';
import type { Pricer } from '../../pricing/index.ts';
import type { Store } from '../../store/store.ts';
import type { RouteHandler } from './route-handler.ts';

const RESULTS_KEPT_MS = 10 * 60_000;

/**
 * GET /api/v1/recommendations: `tokenops recommend` options (`from`, `to`, `kind`) as query
 * parameters. The answer takes seconds over a large period, so it is kept for ten minutes (or
 * until calls are added) and shared by requests that arrive while it is worked out.
 */
export function recommendationsRoute(
  store: Store,
  pricer: () => Promise<Pricer>,
  providers: readonly string[],
): RouteHandler {
  const results = createSharedResultCache<Recommendation[]>({
    ttlMs: RESULTS_KEPT_MS,
    maxEntries: 16,
  });
  return async (url) => {
    const query = url.searchParams;
    const text = (name: string) => query.get(name) ?? undefined;
    const spec = await parseRecommendRequest(
      { from: text('from'), to: text('to'), kind: text('kind'), where: query.getAll('where') },
      store,
      providers,
    );
    if (spec === null) return [];
    const stored = await store.timeRange();
    const prices = await pricer();
    const key = JSON.stringify([
      spec.from,
      spec.to,
      spec.kinds,
      spec.filters,
      stored?.events,
      stored?.to,
      prices.version,
    ]);
    return results.get(key, () => recommend(store, prices, spec));
  };
}
