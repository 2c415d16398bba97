import { z } from 'zod';
import {
  errorSchema,
  reconciliationRowSchema,
  reportRowSchema,
  unpricedModelSchema,
} from './api-schemas.ts';

const json = (schema: z.ZodType) => ({
  content: { 'application/json': { schema: z.toJSONSchema(schema, { io: 'output' }) } },
});
const errors = {
  '400': {
    description: 'Invalid request; the body names the field and the fix',
    ...json(errorSchema),
  },
  '401': { description: 'Missing or wrong admin token', ...json(errorSchema) },
};
const query = (name: string, description: string, example?: string) => ({
  name,
  in: 'query',
  required: false,
  description,
  schema: { type: 'string' },
  ...(example ? { example } : {}),
});

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
          description: 'Needed when auth.adminTokenEnv is set',
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
            query('from', 'YYYY-MM-DD or ISO date-time, inclusive', '2026-03-01'),
            query(
              'to',
              'YYYY-MM-DD (whole day included) or ISO date-time (exclusive)',
              '2026-03-31',
            ),
            {
              ...query('where', 'Filter KEY:VALUE or KEY=VALUE, repeatable', 'team:search'),
              explode: true,
            },
          ],
          responses: {
            '200': { description: 'Report rows', ...json(z.array(reportRowSchema)) },
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
