import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import { TokenopsError } from '../domain/errors/index.ts';
import type { Store } from '../store/store.ts';
import { sendError, sendJson } from './http-errors.ts';
import { openApiDocument } from './openapi-document.ts';
import { reconcileRoute } from './routes/reconcile-route.ts';
import { reportRoute } from './routes/report-route.ts';
import type { RouteHandler } from './routes/route-handler.ts';

export interface AppOptions {
  store: Store;
  version: string;
  /** When set, every /api/… route except the OpenAPI document needs this bearer token. */
  adminToken?: string;
  log?: (line: string) => void;
}

class UnauthorizedError extends TokenopsError {
  readonly code = 'unauthorized';
  readonly httpStatus = 401;
}

class NotFoundError extends TokenopsError {
  readonly code = 'not_found';
  readonly httpStatus = 404;
}

/** The composition root of the HTTP side: one port for health, API and (later) gateway. */
export function createApp(options: AppOptions): Server {
  const document = openApiDocument(options.version);
  const routes = new Map<string, RouteHandler>([
    ['GET /api/v1/report', reportRoute(options.store)],
    ['GET /api/v1/prices/unpriced', () => options.store.unpriced()],
    ['GET /api/v1/reconcile', reconcileRoute(options.store)],
    ['GET /api/openapi.json', () => Promise.resolve(document)],
  ]);

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname === '/healthz') {
      sendJson(response, 200, { status: 'ok' });
      return;
    }
    const route = routes.get(`${request.method ?? 'GET'} ${url.pathname}`);
    if (!route) {
      throw new NotFoundError(
        `no route ${request.method ?? 'GET'} ${url.pathname}`,
        'see /api/openapi.json for the routes',
      );
    }
    if (url.pathname !== '/api/openapi.json') authorize(request, options.adminToken);
    sendJson(response, 200, await route(url, request));
  };

  return createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!(error instanceof TokenopsError))
        options.log?.(`error on ${request.method} ${request.url}: ${String(error)}`);
      sendError(response, error);
    });
  });
}

function authorize(request: IncomingMessage, adminToken: string | undefined): void {
  if (adminToken === undefined) return;
  const given = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1] ?? '';
  const expected = Buffer.from(adminToken);
  const actual = Buffer.from(given);
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) {
    throw new UnauthorizedError(
      'this route needs the admin token',
      'send Authorization: Bearer <token>, the value of the variable named by auth.adminTokenEnv',
    );
  }
}
