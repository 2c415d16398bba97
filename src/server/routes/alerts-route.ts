import { buildAlertRow, parseAlertRequest } from '../../govern/index.ts';
import type { Store } from '../../store/store.ts';
import type { RouteHandler } from './route-handler.ts';

/** GET /api/v1/alerts: alerts newest first with each channel's delivery (`tokenops alerts`). */
export function alertsRoute(store: Store): RouteHandler {
  return async (url) => {
    const query = url.searchParams;
    const spec = parseAlertRequest({
      ...(query.get('from') ? { from: query.get('from') ?? '' } : {}),
      ...(query.get('to') ? { to: query.get('to') ?? '' } : {}),
      ...(query.get('kind') ? { kind: query.get('kind') ?? '' } : {}),
      ...(query.get('limit') ? { limit: query.get('limit') ?? '' } : {}),
    });
    return (await store.listAlerts(spec)).map(buildAlertRow);
  };
}
