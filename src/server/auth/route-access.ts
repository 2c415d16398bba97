import { TokenopsError } from '../../domain/errors/index.ts';
import type { Principal } from './principal.ts';

export class ForbiddenError extends TokenopsError {
  readonly code = 'forbidden';
  readonly httpStatus = 403;
}

/**
 * What each route needs. `team`: readable by a team token, scoped to its team by a `where`
 * filter the store query applies (the route must honour `where`); `reports`: admin and
 * finance (org-wide figures a team filter cannot split: bills, statements, anomalies,
 * budgets); `admin`: writes and configuration; `any`: any valid token.
 */
export const ROUTE_ACCESS = {
  'GET /api/v1/report': 'team',
  'GET /api/v1/unit-economics': 'team',
  'GET /api/v1/layers': 'team',
  'GET /api/v1/yield': 'team',
  'GET /api/v1/traces': 'team',
  'GET /api/v1/traces/{id}': 'team',
  'GET /api/v1/forecast': 'team',
  'GET /api/v1/whatif': 'team',
  'GET /api/v1/recommendations': 'team',
  'GET /api/v1/estimate': 'any',
  'GET /api/v1/prices/unpriced': 'reports',
  'GET /api/v1/reconcile': 'reports',
  'GET /api/v1/chargeback': 'reports',
  'GET /api/v1/explain': 'reports',
  'GET /api/v1/anomalies': 'reports',
  'GET /api/v1/budgets': 'reports',
  'GET /api/v1/alerts': 'reports',
  'POST /api/v1/events': 'admin',
  'POST /api/v1/feedback': 'admin',
  'POST /api/v1/budgets': 'admin',
  'DELETE /api/v1/budgets/{name}': 'admin',
  'POST /v1/traces': 'admin',
  'GET /api/v1/experiments/{name}': 'team',
} as const;

export type ProtectedRoute = keyof typeof ROUTE_ACCESS;

/**
 * Refuses a caller the route is not for (403 naming the role it needs) and returns the URL
 * the route answers: for a team token, with its team added as a filter, so the store query
 * itself leaves every other team's rows out — whatever filters the caller sent.
 */
export function admit(principal: Principal, route: ProtectedRoute, url: URL): URL {
  const access = ROUTE_ACCESS[route];
  if (principal.role === 'anyone' || principal.role === 'admin' || access === 'any') return url;
  if (access === 'admin') {
    throw new ForbiddenError(
      `${route} needs an admin token; this is a ${principal.role} token`,
      'use the admin token (auth.adminTokenEnv) or one made by tokenops tokens create --role admin',
    );
  }
  if (principal.role === 'finance') return url;
  if (access === 'reports') {
    throw new ForbiddenError(
      `${route} covers every team; a team token reads only team ${principal.team}`,
      'use a finance or admin token (tokenops tokens create --role finance)',
    );
  }
  const scoped = new URL(url);
  scoped.searchParams.append('where', `team:${principal.team}`);
  return scoped;
}
