import { explainUnitEconomics, parseUnitEconomicsRequest } from '../../analytics/index.ts';
import type { Store } from '../../store/store.ts';
import type { RouteHandler } from './route-handler.ts';
import { insightQueryParams } from './insight-query-params.ts';

/** GET /api/v1/unit-economics: the options of `tokenops unit-economics` as query parameters. */
export function unitEconomicsRoute(store: Store): RouteHandler {
  return async (url) => {
    const spec = parseUnitEconomicsRequest(insightQueryParams(url));
    return (await store.unitEconomicsTotals(spec)).map((totals) =>
      explainUnitEconomics(spec.dimension, totals),
    );
  };
}
