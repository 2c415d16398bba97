import type { RouteHandler } from './routes/route-handler.ts';

export type FindRoute = (
  method: string,
  pathname: string,
) => { key: string; handler: RouteHandler } | undefined;

/**
 * A finder for `METHOD /path` over these routes, giving the handler and the route key it
 * matched (a metrics label that never holds an id): an exact key first, else a key with
 * `{name}` segments, each matching one non-empty path segment (`GET /api/v1/traces/{id}`).
 * Handlers read their parameters from the URL themselves. Every gateway call asks it first
 * and matches no route, so the patterns are split once here rather than on each call.
 */
export function createRouteFinder(routes: ReadonlyMap<string, RouteHandler>): FindRoute {
  const patterns = [...routes]
    .filter(([key]) => key.includes('{'))
    .map(([key, handler]) => ({ key, handler, parts: key.split('/') }));
  return (method, pathname) => {
    const wanted = `${method} ${pathname}`;
    const exact = routes.get(wanted);
    if (exact) return { key: wanted, handler: exact };
    if (patterns.length === 0) return undefined;
    const given = wanted.split('/');
    const found = patterns.find(
      ({ parts }) =>
        parts.length === given.length &&
        parts.every((part, index) =>
          part.startsWith('{') && part.endsWith('}') ? given[index] !== '' : part === given[index],
        ),
    );
    return found && { key: found.key, handler: found.handler };
  };
}
