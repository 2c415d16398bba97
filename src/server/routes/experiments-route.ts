import { parseExperimentRequest, showExperiment, type RoutingRule } from '../../optimize/index.ts';
import type { Store } from '../../store/store.ts';
import type { RouteHandler } from './route-handler.ts';
import { insightQueryParams } from './insight-query-params.ts';

/**
 * GET /api/v1/experiments/{name}: `tokenops experiments show NAME` (`from`, `to`, `control`,
 * repeatable `where`). `routing` is tokenops.yaml's, for the split's order and control.
 */
export function experimentsRoute(store: Store, routing: readonly RoutingRule[]): RouteHandler {
  return async (url) => {
    const name = decodeURIComponent(url.pathname.slice(url.pathname.lastIndexOf('/') + 1));
    const { from, to, where } = insightQueryParams(url);
    const query = parseExperimentRequest({
      name,
      where,
      ...(from === undefined ? {} : { from }),
      ...(to === undefined ? {} : { to }),
      ...(url.searchParams.has('control')
        ? { control: url.searchParams.get('control') ?? '' }
        : {}),
    });
    return showExperiment(store, query, routing);
  };
}
