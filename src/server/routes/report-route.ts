import { parseReportRequest } from '../../analytics/index.ts';
import type { Store } from '../../store/store.ts';
import type { RouteHandler } from './route-handler.ts';

/** GET /api/v1/report: the options of `tokenops report` as query parameters. */
export function reportRoute(store: Store): RouteHandler {
  return (url) => {
    const query = url.searchParams;
    const text = (name: string) => query.get(name) ?? undefined;
    const spec = parseReportRequest({
      by: text('by'),
      metric: text('metric'),
      grain: text('grain'),
      from: text('from'),
      to: text('to'),
      where: query.getAll('where'),
    });
    return store.report(spec);
  };
}
