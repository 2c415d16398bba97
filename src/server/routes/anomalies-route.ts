import { buildAnomalyRow, detectRecentAnomalies, parseAnomalyRequest } from '../../govern/index.ts';
import type { Store } from '../../store/store.ts';
import type { RouteHandler } from './route-handler.ts';

/** GET /api/v1/anomalies: the options of `tokenops anomalies` as query parameters. */
export function anomaliesRoute(store: Store): RouteHandler {
  return async (url) => {
    const query = url.searchParams;
    const options = parseAnomalyRequest({
      by: query.get('by') ?? undefined,
      from: query.get('from') ?? undefined,
      to: query.get('to') ?? undefined,
      metric: query.get('metric') ?? undefined,
    });
    return (await detectRecentAnomalies(store, options)).map(buildAnomalyRow);
  };
}
