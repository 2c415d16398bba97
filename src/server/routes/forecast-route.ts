import { forecastScopes, parseForecastRequest } from '../../govern/index.ts';
import type { Store } from '../../store/store.ts';
import type { RouteHandler } from './route-handler.ts';

/** GET /api/v1/forecast: the options of `tokenops forecast` as query parameters. */
export function forecastRoute(store: Store): RouteHandler {
  return async (url) => {
    const query = url.searchParams;
    const text = (name: string) => query.get(name) ?? undefined;
    const request = await parseForecastRequest(
      { by: text('by'), where: query.getAll('where'), month: text('month'), asOf: text('as_of') },
      store,
      Date.now(),
    );
    return forecastScopes(store, request);
  };
}
