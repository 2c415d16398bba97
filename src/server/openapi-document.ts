import { z } from 'zod';
import { forecastPaths } from './forecast-openapi.ts';
import { governancePaths } from './governance-openapi.ts';
import { whatIfPath } from './what-if-openapi.ts';
import { experimentPath } from './experiments-openapi.ts';
import { recommendationsPath } from './recommendations-openapi.ts';
import { anomaliesPath } from './anomalies-openapi.ts';
import { ingestPaths } from './ingest-openapi.ts';
import { errors, json, query, rangeParameters, whereParameter } from './openapi-parts.ts';
import { otlpTracesOperation } from './otlp-traces-openapi.ts';
import {
  chargebackStatementSchema,
  unitEconomicsRowSchema,
  errorSchema,
  layersRowSchema,
  traceRowSchema,
  traceTreeSchema,
  yieldRowSchema,
  reconciliationRowSchema,
  spendChangeRowSchema,
  reportRowSchema,
  unpricedModelSchema,
} from './api-schemas.ts';

/** The OpenAPI 3.1 description served at /api/openapi.json. */
export function openApiDocument(version: string): object {
  return {
    openapi: '3.1.0',
    info: {
      title: 'tokenops API',
      version,
      description: 'FinOps for LLM tokens: priced, attributed usage.',
    },
    components: {
      securitySchemes: {
        adminToken: {
          type: 'http',
          scheme: 'bearer',
          description:
            'Needed when auth is on (auth.adminTokenEnv or auth.tokens): an admin, finance or team token (docs/security.md)',
        },
      },
    },
    security: [{ adminToken: [] }, {}],
    paths: {
      '/healthz': {
        get: {
          summary: 'Answers 200 once the server can record events',
          security: [],
          responses: { '200': { description: 'Ready' } },
        },
      },
      '/metrics': {
        get: {
          summary: 'Prometheus text: requests by route and status, events by door and result',
          security: [],
          responses: { '200': { description: 'Prometheus exposition format' } },
        },
      },
      '/api/v1/report': {
        get: {
          summary:
            'Spend and tokens grouped by dimensions and period (same options as tokenops report)',
          parameters: [
            query(
              'by',
              'Comma-separated dimensions: team, service, feature, environment, customer, user, provider, model, tag:KEY',
              'team,feature',
            ),
            query('metric', 'cost or tokens: the ordering', 'cost'),
            query('grain', 'none, hour, day, week or month', 'day'),
            ...rangeParameters(),
            whereParameter(),
          ],
          responses: {
            '200': { description: 'Report rows', ...json(z.array(reportRowSchema)) },
            ...errors,
          },
        },
      },
      '/v1/traces': otlpTracesOperation(errors),
      '/api/v1/anomalies': anomaliesPath(),
      ...ingestPaths(),
      ...forecastPaths(),
      ...governancePaths(),
      '/api/v1/whatif': whatIfPath(),
      '/api/v1/recommendations': recommendationsPath(),
      '/api/v1/experiments/{name}': experimentPath(),
      '/api/v1/explain': {
        get: {
          summary:
            'Why spend changed between two periods: volume, model mix, tokens per call, price',
          parameters: [
            query('from', 'The earlier period: YYYY-MM or YYYY-MM-DD (required)', '2026-02'),
            query('to', 'The later period: YYYY-MM or YYYY-MM-DD (required)', '2026-03'),
          ],
          responses: {
            '200': { description: 'Per team and feature', ...json(z.array(spendChangeRowSchema)) },
            ...errors,
          },
        },
      },
      '/api/v1/reconcile': {
        get: {
          summary:
            'Imported bills against metered spend: the gap, its explanation, the attributed share',
          parameters: [
            query('from', 'YYYY-MM-DD, inclusive (required)', '2026-03-01'),
            query('to', 'YYYY-MM-DD, that whole day included (required)', '2026-03-31'),
            query('by', 'Any of provider, model, day (default provider,model,day)', 'provider,day'),
          ],
          responses: {
            '200': {
              description: 'Reconciliation rows',
              ...json(z.array(reconciliationRowSchema)),
            },
            ...errors,
          },
        },
      },
      '/api/v1/chargeback': {
        get: {
          summary:
            "A month's per-team statements: direct spend plus a share of the shared pool, adding up to the month to the cent",
          parameters: [
            query('period', 'The month, YYYY-MM (required)', '2026-03'),
            query(
              'mode',
              'showback (default; information) or chargeback (amounts to charge)',
              'chargeback',
            ),
            query(
              'shared',
              'proportional (default), even, or fixed:TEAM=PCT,... adding to 100',
              'fixed:search=60,support=40',
            ),
          ],
          responses: {
            '200': { description: 'The statement', ...json(chargebackStatementSchema) },
            ...errors,
          },
        },
      },
      '/api/v1/unit-economics': {
        get: {
          summary:
            'Cost per request, per successful outcome and per active user; cost as a share of revenue',
          parameters: [
            query(
              'by',
              'One dimension (default feature; revenue is joined by feature while every filter is on feature)',
              'feature',
            ),
            ...rangeParameters(),
            whereParameter(),
          ],
          responses: {
            '200': { description: 'Unit economics rows', ...json(z.array(unitEconomicsRowSchema)) },
            ...errors,
          },
        },
      },
      '/api/v1/layers': {
        get: {
          summary:
            'Spend in layers (system prompt, context, output, retries: adding up to the total) and the model-choice premium',
          parameters: [
            query('by', 'Dimensions (default feature)', 'feature'),
            ...rangeParameters(),
            whereParameter(),
          ],
          responses: {
            '200': { description: 'Layers rows', ...json(z.array(layersRowSchema)) },
            ...errors,
          },
        },
      },
      '/api/v1/yield': {
        get: {
          summary: 'Token yield (tokens of succeeded requests) and goodput (within the objective)',
          parameters: [
            query('by', 'Dimensions (default team,feature)', 'team,feature'),
            ...rangeParameters(),
            whereParameter(),
          ],
          responses: {
            '200': { description: 'Yield rows', ...json(z.array(yieldRowSchema)) },
            ...errors,
          },
        },
      },
      '/api/v1/traces': {
        get: {
          summary: 'The most expensive traces, with their fan-out ratio',
          parameters: [
            query('top', 'How many traces (default 10, at most 1000)', '3'),
            ...rangeParameters(),
            whereParameter(),
          ],
          responses: {
            '200': { description: 'Trace rows', ...json(z.array(traceRowSchema)) },
            ...errors,
          },
        },
      },
      '/api/v1/traces/{id}': {
        get: {
          summary: "One trace's call tree, with tokens and cost per step",
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          responses: {
            '200': { description: 'The call tree', ...json(traceTreeSchema) },
            '404': { description: 'No trace with that id', ...json(errorSchema) },
            ...errors,
          },
        },
      },
      '/api/v1/prices/unpriced': {
        get: {
          summary: 'Models seen in traffic that the price catalog and overrides cannot price',
          responses: {
            '200': { description: 'Unpriced models', ...json(z.array(unpricedModelSchema)) },
            ...errors,
          },
        },
      },
    },
  };
}
