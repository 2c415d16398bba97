import { buildYieldRow, parseInsightRequest } from '../../analytics/index.ts';
import type { LatencyObjective } from '../../store/insights-spec.ts';
import type { Store } from '../../store/store.ts';
import type { RouteHandler } from './route-handler.ts';

/** GET /api/v1/yield: the options of `tokenops yield` as query parameters. */
export function yieldRoute(store: Store, objectives: readonly LatencyObjective[]): RouteHandler {
  return async (url) => {
    const query = url.searchParams;
    const spec = parseInsightRequest(
      {
        by: query.get('by') ?? undefined,
        from: query.get('from') ?? undefined,
        to: query.get('to') ?? undefined,
      },
      'team,feature',
    );
    return (await store.yieldGroups({ ...spec, objectives: [...objectives] })).map(buildYieldRow);
  };
}
