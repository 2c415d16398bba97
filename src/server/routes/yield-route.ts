import { buildYieldRow, parseInsightRequest } from '../../analytics/index.ts';
import type { LatencyObjective } from '../../store/insights-spec.ts';
import type { Store } from '../../store/store.ts';
import type { RouteHandler } from './route-handler.ts';
import { insightQueryParams } from './insight-query-params.ts';

/** GET /api/v1/yield: the options of `tokenops yield` as query parameters (`where` repeatable). */
export function yieldRoute(store: Store, objectives: readonly LatencyObjective[]): RouteHandler {
  return async (url) => {
    const spec = parseInsightRequest(insightQueryParams(url), 'team,feature');
    return (await store.yieldGroups({ ...spec, objectives: [...objectives] })).map(buildYieldRow);
  };
}
