import { parseRecommendRequest, recommend } from '../../optimize/index.ts';
import type { Pricer } from '../../pricing/index.ts';
import type { Store } from '../../store/store.ts';
import type { RouteHandler } from './route-handler.ts';

/** GET /api/v1/recommendations: `tokenops recommend` options (`from`, `to`, `kind`) as query parameters. */
export function recommendationsRoute(
  store: Store,
  pricer: () => Promise<Pricer>,
  providers: readonly string[],
): RouteHandler {
  return async (url) => {
    const query = url.searchParams;
    const text = (name: string) => query.get(name) ?? undefined;
    const spec = await parseRecommendRequest(
      { from: text('from'), to: text('to'), kind: text('kind') },
      store,
      providers,
    );
    return spec === null ? [] : recommend(store, await pricer(), spec);
  };
}
