import { z } from 'zod';
import { budgetSchema } from '../config/index.ts';
import { errorSchema } from './api-schemas.ts';
import { errors, json, query, rangeParameters } from './openapi-parts.ts';

const money = z.number();
const budgetStatusSchema = z.object({
  name: z.string(),
  scope: z.record(z.string(), z.string()),
  virtual_key: z.string().nullable(),
  period: z.enum(['day', 'week', 'month']),
  period_start: z.string(),
  resets_at: z.string(),
  limit_usd: money,
  spent_usd: money,
  reserved_usd: money.describe('held by gateway calls in flight'),
  share_used: z.number(),
  hard: z.boolean(),
  forecast_usd: money
    .nullable()
    .describe('expected spend at the period end; null below 3 days of history'),
  forecast_lower_usd: money.nullable(),
  forecast_upper_usd: money.nullable(),
  runs_out_on: z.string().nullable().describe('YYYY-MM-DD the expected spend reaches the limit'),
});
const alertRowSchema = z.object({
  key: z.string().describe('names the fact; an alert is raised and sent once per key'),
  kind: z.enum(['budget_threshold', 'anomaly', 'runaway']),
  severity: z.enum(['info', 'warning', 'critical']),
  created_at: z.string(),
  title: z.string(),
  text: z.string(),
  scope: z.record(z.string(), z.string()),
  link: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
  deliveries: z.array(
    z.object({
      channel: z.string(),
      state: z.enum(['delivered', 'retrying', 'abandoned']),
      attempts: z.number().int(),
      delivered_at: z.string().nullable(),
      next_attempt_at: z.string().nullable(),
      last_error: z.string().nullable(),
    }),
  ),
});
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
