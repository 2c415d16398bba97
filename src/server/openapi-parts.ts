import { z } from 'zod';
import { errorSchema } from './api-schemas.ts';

/** Building blocks the OpenAPI path entries share. */
export const json = (schema: z.ZodType) => ({
  content: { 'application/json': { schema: z.toJSONSchema(schema, { io: 'output' }) } },
});
export const errors = {
  '400': {
    description: 'Invalid request; the body names the field and the fix',
    ...json(errorSchema),
  },
  '401': { description: 'Missing or wrong admin token', ...json(errorSchema) },
};
export const query = (name: string, description: string, example?: string) => ({
  name,
  in: 'query',
  required: false,
  description,
  schema: { type: 'string' },
  ...(example ? { example } : {}),
});

/** The from/to parameters every range-taking report shares. */
export const rangeParameters = () => [
  query('from', 'YYYY-MM-DD or ISO date-time, inclusive', '2026-03-01'),
  query('to', 'YYYY-MM-DD (whole day included) or ISO date-time (exclusive)', '2026-03-31'),
];

/** The repeatable `where` filter of the report routes. */
export const whereParameter = () => ({
  ...query('where', 'Filter KEY:VALUE or KEY=VALUE, repeatable', 'team:search'),
  explode: true,
});
