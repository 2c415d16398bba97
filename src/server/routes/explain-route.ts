import { spendChangeReport } from '../../analytics/index.ts';
import type { Store } from '../../store/store.ts';
import type { RouteHandler } from './route-handler.ts';

/** GET /api/v1/explain?from=PERIOD&to=PERIOD: the rows of `tokenops explain`. */
export function explainRoute(store: Store): RouteHandler {
  return (url) =>
    spendChangeReport(store, {
      from: url.searchParams.get('from') ?? undefined,
      to: url.searchParams.get('to') ?? undefined,
    });
}
