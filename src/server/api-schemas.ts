import { z } from 'zod';

/** Shapes of the public API, shared by the OpenAPI document and the dashboard. */
export const reportRowSchema = z
  .object({
    period: z
      .string()
      .optional()
      .describe('Present when a grain is set: hour, day, week (Monday) or month label'),
    requests: z.number().int(),
    input_tokens: z
      .number()
      .int()
      .describe('Every prompt token: uncached, cache reads and cache writes'),
    output_tokens: z.number().int().describe('Every generated token, reasoning included'),
    cache_read_tokens: z.number().int(),
    cache_write_tokens: z.number().int(),
    reasoning_tokens: z.number().int(),
    cost: z.number().describe('Effective cost, USD'),
    list_cost: z.number().describe('Cost at list prices, USD'),
  })
  .catchall(
    z.string().describe('One key per grouped dimension; (unattributed) for untagged calls'),
  );

export const unpricedModelSchema = z.object({
  provider: z.string(),
  model: z.string(),
  events: z.number().int(),
  inputTokens: z.number().int(),
  outputTokens: z.number().int(),
  firstSeen: z.number().describe('Epoch milliseconds'),
  lastSeen: z.number().describe('Epoch milliseconds'),
});

export const errorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fix: z.string().describe('What to do about it'),
    issues: z.array(z.object({ field: z.string(), reason: z.string() })).optional(),
  }),
});

export const reconciliationRowSchema = z.object({
  provider: z.string().optional(),
  model: z.string().optional(),
  day: z.string().optional(),
  invoiced_cost: z.number(),
  metered_cost: z.number(),
  gap: z.number().describe('invoiced_cost − metered_cost'),
  invoiced_tokens: z.number(),
  metered_tokens: z.number(),
  bypass_cost: z.number().describe('Tokens on the bill tokenops never saw, at the bill rate'),
  price_difference: z.number().describe('The rest of the gap: the same tokens priced differently'),
  untagged_cost: z.number(),
  attributed_cost: z.number(),
  attributed_share: z.number().nullable(),
  explanation: z.string(),
});
