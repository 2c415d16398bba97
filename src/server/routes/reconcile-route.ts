import { explainReconciliation, parseReconcileRequest } from '../../analytics/index.ts';
import type { Store } from '../../store/store.ts';
import type { RouteHandler } from './route-handler.ts';

/** GET /api/v1/reconcile: the options of `tokenops reconcile` as query parameters. */
export function reconcileRoute(store: Store): RouteHandler {
  return async (url) => {
    const query = url.searchParams;
    const spec = parseReconcileRequest({
      from: query.get('from') ?? undefined,
      to: query.get('to') ?? undefined,
      by: query.get('by') ?? undefined,
    });
    return (await store.reconcileTotals(spec)).map(explainReconciliation);
  };
}
