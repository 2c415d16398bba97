import { z } from 'zod';
import { errors, json, query, whereParameter } from './openapi-parts.ts';

const forecastDaySchema = z.object({
  day: z.string().describe('YYYY-MM-DD'),
  expected: z.number().describe('Spend still to come that day (on the as-of day, the rest of it)'),
  lower: z.number(),
  upper: z.number(),
});

const forecastRowSchema = z
  .object({
    month: z.string().describe('YYYY-MM'),
    as_of: z.string().describe('ISO 8601: data after it is ignored'),
    method: z.enum(['holt-winters', 'simple-smoothing', 'actual', 'insufficient-history']),
    history_days: z.number().int().describe('Complete days the model was fitted on'),
    spent_to_date: z.number().describe('Effective spend in the month up to as_of, USD'),
    forecast_total: z
      .number()
      .nullable()
      .describe('Expected month total; null below 3 days of data'),
    forecast_lower: z.number().nullable(),
    forecast_upper: z.number().nullable(),
    interval_level: z.number().describe('Coverage of the interval, 0.8'),
    daily: z.array(forecastDaySchema),
  })
  .catchall(z.string().describe('One key per --by dimension'));

const estimateRowSchema = z.object({
  model: z.string(),
  provider: z.string(),
  cost_per_request: z.number().describe('Effective, USD'),
  cost_per_day: z.number(),
  cost_per_month: z.number(),
  difference_per_month: z.number().describe('Above the cheapest candidate; 0 for it'),
});

/** The OpenAPI entries of forecasts and the pre-launch estimator. */
export function forecastPaths(): Record<string, object> {
  return {
    '/api/v1/forecast': {
      get: {
        summary: 'Month-end spend per scope with an 80 % prediction interval',
        parameters: [
          query('by', 'Dimensions: one forecast per combination (default: the whole org)', 'team'),
          whereParameter(),
          query('month', 'YYYY-MM (default: the month of the latest stored data)', '2026-03'),
          query(
            'as_of',
            'YYYY-MM-DD (end of that day) or ISO date-time; default: end of the latest day with data, or now',
            '2026-03-15',
          ),
        ],
        responses: {
          '200': { description: 'Highest forecast first', ...json(z.array(forecastRowSchema)) },
          ...errors,
        },
      },
    },
    '/api/v1/estimate': {
      get: {
        summary:
          'Before launch: the monthly cost of candidate models for one request shape, cheapest first',
        parameters: [
          query(
            'model',
            'Comma-separated, each model or provider:model (required)',
            'gpt-4o-mini,gpt-4o',
          ),
          query('input_tokens', 'Prompt tokens per request, cached included (required)', '2000'),
          query('output_tokens', 'Generated tokens per request (required)', '500'),
          query('requests_per_day', 'Requests a day (required)', '10000'),
          query(
            'cached_input_tokens',
            'The part of the input read from the cache (default 0)',
            '0',
          ),
          query('provider', 'Provider of the models given without one', 'openai'),
          query('days_per_month', 'Default 30', '30'),
        ],
        responses: {
          '200': { description: 'One row per model', ...json(z.array(estimateRowSchema)) },
          ...errors,
        },
      },
    },
  };
}
