import { z } from 'zod';
import { budgetSchema } from '../config/index.ts';
import { alertRowSchema, budgetStatusSchema, errorSchema } from './api-schemas.ts';
import { errors, json, query, rangeParameters } from './openapi-parts.ts';

const conflict = {
  '409': { description: 'The budget is defined in tokenops.yaml', ...json(errorSchema) },
};

/** The OpenAPI entries of the budget and alert routes. */
export function governancePaths(): Record<string, object> {
  return {
    '/api/v1/budgets': {
      get: {
        summary: 'Every budget (tokenops.yaml and API): spend, share used, forecast, run-out day',
        responses: {
          '200': { description: 'One row per budget', ...json(z.array(budgetStatusSchema)) },
          ...errors,
        },
      },
      post: {
        summary: 'Create or replace a budget by name; the gateway enforces it at once',
        requestBody: { required: true, ...json(budgetSchema) },
        responses: {
          '200': {
            description: 'Saved',
            ...json(z.object({ status: z.enum(['created', 'replaced']), budget: budgetSchema })),
          },
          ...errors,
          ...conflict,
        },
      },
    },
    '/api/v1/budgets/{name}': {
      delete: {
        summary: 'Delete a budget made through the API',
        parameters: [{ name: 'name', in: 'path', required: true, schema: { type: 'string' } }],
        responses: {
          '200': {
            description: 'Deleted',
            ...json(z.object({ status: z.literal('deleted'), name: z.string() })),
          },
          '404': { description: 'No such API budget', ...json(errorSchema) },
          ...errors,
          ...conflict,
        },
      },
    },
    '/api/v1/alerts': {
      get: {
        summary:
          'Alerts (budget thresholds, anomalies, runaways), newest first, with each channel delivery',
        parameters: [
          ...rangeParameters(),
          query('kind', 'budget_threshold, anomaly or runaway'),
          query('limit', 'at most this many (default 100)', '100'),
        ],
        responses: {
          '200': { description: 'Alerts', ...json(z.array(alertRowSchema)) },
          ...errors,
        },
      },
    },
  };
}
