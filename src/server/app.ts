import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { NotFoundError, TokenopsError } from '../domain/errors/index.ts';
import type { Store } from '../store/store.ts';
import { sendError, sendJson } from './http-errors.ts';
import { openApiDocument } from './openapi-document.ts';
import { createRouteFinder } from './find-route.ts';
import { createServerMetrics } from './server-metrics.ts';
import type { DashboardHandler } from './serve-dashboard.ts';
import { layersRoute } from './routes/layers-route.ts';
import { anomaliesRoute } from './routes/anomalies-route.ts';
import { chargebackRoute } from './routes/chargeback-route.ts';
import { eventsRoute } from './routes/events-route.ts';
import { estimateRoute } from './routes/estimate-route.ts';
import { explainRoute } from './routes/explain-route.ts';
import { forecastRoute } from './routes/forecast-route.ts';
import { feedbackRoute } from './routes/feedback-route.ts';
import { reconcileRoute } from './routes/reconcile-route.ts';
import { reportRoute } from './routes/report-route.ts';
import { otlpTracesRoute } from './routes/otlp-traces-route.ts';
import type { RouteHandler } from './routes/route-handler.ts';
import { topTracesRoute, traceTreeRoute } from './routes/traces-route.ts';
import { yieldRoute } from './routes/yield-route.ts';
import { alertsRoute } from './routes/alerts-route.ts';
import { whatIfRoute } from './routes/what-if-route.ts';
import { recommendationsRoute } from './routes/recommendations-route.ts';
import { deleteBudgetRoute, listBudgetsRoute, saveBudgetRoute } from './routes/budgets-route.ts';
import { createBudgetBook, type BudgetBook, type Ledger } from '../govern/index.ts';
import type { Pricer } from '../pricing/index.ts';
import { createProviderRegistry } from '../providers/index.ts';
import type { ReferenceModel } from '../analytics/index.ts';
import type { LatencyObjective } from '../store/insights-spec.ts';
import { unitEconomicsRoute } from './routes/unit-economics-route.ts';
import type { SharedScope } from '../store/allocation-spec.ts';
import type { Gateway } from '../gateway/index.ts';
import { createEventBatchReader, type PricerSpec } from '../ingest/index.ts';
import type { ApiTokenConfig } from '../config/index.ts';
import { createAuthenticator } from './auth/authenticate.ts';
import { admit, type ProtectedRoute } from './auth/route-access.ts';
import { experimentsRoute } from './routes/experiments-route.ts';
import type { RoutingRule } from '../optimize/index.ts';
import { createWindowCounter } from '../domain/window-counter.ts';

export interface AppOptions {
  store: Store;
  version: string;
  /** When set (or apiTokens are), every /api/… route but the OpenAPI document needs a token; this one is an admin's. */
  adminToken?: string;
  /** auth.tokens: role tokens, as hashes (docs/security.md). */
  apiTokens?: readonly ApiTokenConfig[];
  /** The gateway spool's count of lost events, for /metrics. */
  spoolLost?: () => number;
  /** limits.ingestRequestsPerMinute: per token, when auth is on. */
  limits?: { ingestRequestsPerMinute: number };
  /** allocation.sharedScopes from the config: spend that joins the chargeback pool. */
  sharedScopes?: readonly SharedScope[];
  /** Prices the layers report's reference models; the catalog without overrides when unset. */
  pricer?: Pricer;
  /** The same pricer as data, for the events API's worker thread; the catalog alone when unset. */
  pricerSpec?: PricerSpec;
  /** allocation.referenceModels from the config. */
  referenceModels?: Readonly<Record<string, ReferenceModel>>;
  /** Providers events may name (the built-ins and the config's compatible servers). */
  providers?: readonly string[];
  /** objectives from the config, for goodput. */
  objectives?: readonly LatencyObjective[];
  /** otlp.tagAttributes from the config: span or resource attribute → tag. */
  otlpTagAttributes?: Readonly<Record<string, string>>;
  /** The metering proxy: its provider paths (`/openai/…`, `/compat/NAME/…`) share the port. */
  gateway?: Gateway;
  /** The budgets in force and the gateways' ledger; the store's API budgets alone when unset. */
  governance?: { book: BudgetBook; ledger?: Ledger };
  log?: (line: string) => void;
  /** Serves the dashboard for GET paths no route or gateway claims (`tokenops start`). */
  dashboard?: DashboardHandler;
  /** routing from the config: a split's variant order and default control for experiments. */
  routing?: readonly RoutingRule[];
}

const OPENAPI_ROUTE = 'GET /api/openapi.json';
const INGEST_ROUTES = new Set(['POST /api/v1/events', 'POST /api/v1/feedback', 'POST /v1/traces']);

class RateLimitedError extends TokenopsError {
  readonly code = 'rate_limited';
  readonly httpStatus = 429;
}

/** The composition root of the HTTP side: one port for health, API and gateway. */
export function createApp(options: AppOptions): Server {
  const document = openApiDocument(options.version);
  let pricer: Promise<Pricer> | undefined = options.pricer && Promise.resolve(options.pricer);
  const eventBatchReader = createEventBatchReader(options.pricerSpec ?? { compatible: [] });
  let book: Promise<BudgetBook> | undefined =
    options.governance && Promise.resolve(options.governance.book);
  const budgets = {
    store: options.store,
    book: () => (book ??= createBudgetBook(options.store, [])),
    ...(options.governance?.ledger ? { ledger: options.governance.ledger } : {}),
  };
  const authenticate = createAuthenticator({
    ...(options.adminToken !== undefined ? { adminToken: options.adminToken } : {}),
    tokens: options.apiTokens ?? [],
  });
  const routes = new Map<ProtectedRoute | typeof OPENAPI_ROUTE, RouteHandler>([
    ['GET /api/v1/report', reportRoute(options.store)],
    ['GET /api/v1/prices/unpriced', () => options.store.unpriced()],
    ['GET /api/v1/reconcile', reconcileRoute(options.store)],
    ['GET /api/v1/chargeback', chargebackRoute(options.store, options.sharedScopes ?? [])],
    ['GET /api/v1/unit-economics', unitEconomicsRoute(options.store)],
    [
      'GET /api/v1/layers',
      layersRoute(options.store, () => (pricer ??= catalogPricer()), options.referenceModels ?? {}),
    ],
    ['GET /api/v1/yield', yieldRoute(options.store, options.objectives ?? [])],
    ['GET /api/v1/traces', topTracesRoute(options.store)],
    ['GET /api/v1/explain', explainRoute(options.store)],
    ['GET /api/v1/anomalies', anomaliesRoute(options.store)],
    ['GET /api/v1/traces/{id}', traceTreeRoute(options.store)],
    ['GET /api/v1/forecast', forecastRoute(options.store)],
    [
      'GET /api/v1/estimate',
      estimateRoute(() => (pricer ??= catalogPricer()), options.providers ?? builtInProviders()),
    ],
    [
      'POST /api/v1/events',
      eventsRoute(options.store, options.providers ?? builtInProviders(), eventBatchReader),
    ],
    ['POST /api/v1/feedback', feedbackRoute(options.store)],
    ['GET /api/v1/budgets', listBudgetsRoute(budgets)],
    ['POST /api/v1/budgets', saveBudgetRoute(budgets)],
    ['DELETE /api/v1/budgets/{name}', deleteBudgetRoute(budgets)],
    ['GET /api/v1/alerts', alertsRoute(options.store)],
    [
      'GET /api/v1/whatif',
      whatIfRoute(
        options.store,
        () => (pricer ??= catalogPricer()),
        options.providers ?? builtInProviders(),
      ),
    ],
    [
      'GET /api/v1/recommendations',
      recommendationsRoute(
        options.store,
        () => (pricer ??= catalogPricer()),
        options.providers ?? builtInProviders(),
      ),
    ],
    ['GET /api/v1/experiments/{name}', experimentsRoute(options.store, options.routing ?? [])],
    [OPENAPI_ROUTE, () => Promise.resolve(document)],
  ]);
  const findRoute = createRouteFinder(routes);
  const otlpTraces = otlpTracesRoute({
    store: options.store,
    pricer: () => (pricer ??= catalogPricer()),
    providers: options.providers ?? builtInProviders(),
    tagAttributes: options.otlpTagAttributes ?? {},
  });

  // The OpenAPI document is public; every other route is checked against ROUTE_ACCESS.
  const ingestPerToken = createWindowCounter({
    limit: options.limits?.ingestRequestsPerMinute ?? 0,
    windowMs: 60_000,
  });
  const admitted = (
    key: string,
    url: URL,
    request: IncomingMessage,
    response: ServerResponse,
  ): URL => {
    if (key === OPENAPI_ROUTE) return url;
    const principal = authenticate(request.headers.authorization);
    const scoped = admit(principal, key as ProtectedRoute, url);
    // Ingest is limited per token; an open, local install has no token to count by.
    if (INGEST_ROUTES.has(key) && principal.role !== 'anyone') {
      const taken = ingestPerToken.take(principal.name);
      if (!taken.ok) {
        response.setHeader('retry-after', String(Math.ceil(taken.retryAfterMs / 1000)));
        throw new RateLimitedError(
          `the token "${principal.name}" sent more than ${options.limits?.ingestRequestsPerMinute} ingest requests this minute`,
          'send larger batches less often, wait for Retry-After, or raise limits.ingestRequestsPerMinute',
        );
      }
    }
    return scoped;
  };

  const metrics = createServerMetrics(options.spoolLost);
  const handle = async (
    request: IncomingMessage,
    response: ServerResponse,
    label: (route: string) => void,
  ): Promise<void> => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname === '/healthz') {
      label('GET /healthz');
      sendJson(response, 200, { status: 'ok' });
      return;
    }
    if (url.pathname === '/metrics') {
      label('GET /metrics');
      const text = await metrics.registry.metrics();
      response.writeHead(200, { 'content-type': metrics.registry.contentType });
      response.end(text);
      return;
    }
    // The OTLP path exporters post to (outside /api); it answers in the request's encoding.
    if (url.pathname === '/v1/traces' && request.method === 'POST') {
      label('POST /v1/traces');
      admitted('POST /v1/traces', url, request, response);
      await otlpTraces(request, response);
      return;
    }
    const route = findRoute(request.method ?? 'GET', url.pathname);
    const upstream = route ? undefined : options.gateway?.match(url.pathname);
    if (upstream && options.gateway) {
      label(`gateway ${upstream.upstream.name}`);
      await options.gateway.handle(upstream, request, response, url);
      return;
    }
    // Any other page a browser asks for is the dashboard's; /api and /v1 keep their JSON 404s.
    const read = request.method === 'GET' || request.method === 'HEAD';
    if (!route && options.dashboard && read && !/^\/(api|v1)(\/|$)/.test(url.pathname)) {
      label('GET dashboard');
      await options.dashboard(url.pathname, request, response);
      return;
    }
    if (!route) {
      throw new NotFoundError(
        `no route ${request.method ?? 'GET'} ${url.pathname}`,
        'see /api/openapi.json for the routes',
      );
    }
    label(route.key);
    const value = await route.handler(admitted(route.key, url, request, response), request);
    if (route.key === 'POST /api/v1/events') {
      const result = value as { accepted: number; duplicates: number; refused: unknown[] };
      metrics.countEvents('api', { ...result, refused: result.refused.length });
    }
    sendJson(response, 200, value);
  };

  const server = createServer((request, response) => {
    const started = performance.now();
    let route = 'unmatched';
    response.once('finish', () => {
      metrics.observeRequest(route, response.statusCode, (performance.now() - started) / 1000);
    });
    handle(request, response, (matched) => (route = matched)).catch((error: unknown) => {
      if (!(error instanceof TokenopsError))
        options.log?.(`error on ${request.method} ${request.url}: ${String(error)}`);
      sendError(response, error);
    });
  });
  server.once('close', () => {
    eventBatchReader.close().catch((error: unknown) => options.log?.(`closing: ${String(error)}`));
  });
  return server;
}

/** The given pricer, else the catalog's own prices (loaded on first use: it is large). */
function builtInProviders(): readonly string[] {
  return createProviderRegistry([]).names();
}

async function catalogPricer(): Promise<Pricer> {
  const { createPricer } = await import('../pricing/index.ts');
  return createPricer({ registry: createProviderRegistry([]) });
}
