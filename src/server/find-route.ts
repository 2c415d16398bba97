import type { RouteHandler } from './routes/route-handler.ts';

/**
 * The handler for `METHOD /path`, with the route key it matched (a metrics label that never
 * holds an id): an exact key first, else a key with `{name}` segments, each
 * matching one non-empty path segment (`GET /api/v1/traces/{id}`). Handlers read their
 * parameters from the URL themselves.
 */
export function findRoute(
  routes: ReadonlyMap<string, RouteHandler>,
  method: string,
  pathname: string,
): { key: string; handler: RouteHandler } | undefined {
  const exact = routes.get(`${method} ${pathname}`);
  if (exact) return { key: `${method} ${pathname}`, handler: exact };
  const given = `${method} ${pathname}`.split('/');
  for (const [key, handler] of routes) {
    if (!key.includes('{')) continue;
    const pattern = key.split('/');
    if (
      pattern.length === given.length &&
      pattern.every((part, index) =>
        part.startsWith('{') && part.endsWith('}') ? given[index] !== '' : part === given[index],
      )
    ) {
      return { key, handler };
    }
  }
  return undefined;
}
