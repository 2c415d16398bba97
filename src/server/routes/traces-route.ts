import {
  buildTraceRow,
  buildTraceTree,
  parseFilters,
  parseTopTracesRequest,
} from '../../analytics/index.ts';
import type { Store } from '../../store/store.ts';
import type { RouteHandler } from './route-handler.ts';
import { insightQueryParams } from './insight-query-params.ts';

/** GET /api/v1/traces: the most expensive traces (`tokenops traces --top N`). */
export function topTracesRoute(store: Store): RouteHandler {
  return async (url) => {
    const spec = parseTopTracesRequest({
      ...insightQueryParams(url),
      top: url.searchParams.get('top') ?? undefined,
    });
    return (await store.topTraces(spec)).map(buildTraceRow);
  };
}

/** GET /api/v1/traces/{id}: one trace's call tree (`tokenops traces show ID`); `where` keeps matching calls. */
export function traceTreeRoute(store: Store): RouteHandler {
  return async (url) => {
    const id = decodeURIComponent(url.pathname.slice(url.pathname.lastIndexOf('/') + 1));
    return buildTraceTree(
      id,
      await store.traceCalls(id, parseFilters(url.searchParams.getAll('where'))),
    );
  };
}
