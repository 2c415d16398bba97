import { computeChargeback, parseChargebackRequest } from '../../analytics/index.ts';
import type { SharedScope } from '../../store/allocation-spec.ts';
import type { Store } from '../../store/store.ts';
import type { RouteHandler } from './route-handler.ts';

/** GET /api/v1/chargeback: the options of `tokenops chargeback`; answers the whole statement. */
export function chargebackRoute(store: Store, sharedScopes: readonly SharedScope[]): RouteHandler {
  return (url) => {
    const query = url.searchParams;
    const request = parseChargebackRequest({
      period: query.get('period') ?? undefined,
      mode: query.get('mode') ?? undefined,
      shared: query.get('shared') ?? undefined,
    });
    return computeChargeback(store, request, sharedScopes);
  };
}
