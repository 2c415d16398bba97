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

const chargebackLineSchema = z.object({
  team: z.string().describe('The team; (unallocated) holds a pool no team could take'),
  mode: z.enum(['showback', 'chargeback']),
  direct_cost: z.number().describe('Spend tagged with the team, outside every shared scope, USD'),
  shared_cost: z.number().describe("The team's part of the shared pool, USD"),
  total_cost: z.number().describe('direct_cost + shared_cost; the lines add up to the month'),
  pool_share: z.number().describe('Fraction of the shared pool the team carries'),
  requests: z.number().int().describe('Calls in the direct spend'),
});

export const chargebackStatementSchema = z.object({
  period: z.string().describe('YYYY-MM'),
  mode: z.enum(['showback', 'chargeback']),
  title: z.string().describe('Says whether the lines are information or amounts to charge'),
  split: z.string().describe('The rule and how it was applied'),
  total_cost: z.number().describe("The month's spend rounded to the cent"),
  direct_cost: z.number(),
  pool_cost: z.number(),
  pool: z.array(
    z.object({
      source: z.string().describe('A shared scope name, or untagged'),
      kind: z.enum(['shared-scope', 'untagged']),
      cost: z.number(),
      requests: z.number().int(),
    }),
  ),
  lines: z.array(chargebackLineSchema),
});

export const unitEconomicsRowSchema = z
  .object({
    requests: z.number().int().describe('Distinct requests (first attempts)'),
    cost: z.number().describe('All cost, retries and failures included, USD'),
    cost_per_request: z.number().nullable(),
    success_rate: z.number().nullable().describe('Successes over requests with an outcome'),
    cost_per_success: z.number().nullable().describe('All cost over successful requests'),
    active_users: z.number().int().describe('Distinct user tags'),
    cost_per_active_user: z.number().nullable(),
    tokens_per_active_user: z.number().nullable(),
    revenue: z.number().nullable().describe('Imported revenue (by feature only)'),
    cost_share_of_revenue: z.number().nullable(),
  })
  .catchall(z.string().describe('The grouped dimension'));

const share = z.number().nullable().describe('Fraction of total_cost (null when it is 0)');
export const layersRowSchema = z
  .object({
    calls: z.number().int(),
    total_cost: z.number().describe('Effective cost, USD: the four layers add up to it'),
    system_prompt_cost: z.number().describe('Input-side cost of system-prompt and tool tokens'),
    context_cost: z
      .number()
      .describe('The rest of the input side: conversation, retrieval, memory'),
    output_cost: z.number().describe('Output cost of calls that are not retries'),
    retry_cost: z.number().describe('All cost of errored, aborted and retried-over calls'),
    model_premium_cost: z.number().describe('Cost above the reference model for the same tokens'),
    system_prompt_share: share,
    context_share: share,
    output_share: share,
    retry_share: share,
    model_premium_share: share,
    reference_model: z.string().describe('provider/model per feature, ; separated'),
  })
  .catchall(z.string().describe('One key per grouped dimension'));

export const yieldRowSchema = z
  .object({
    calls: z.number().int(),
    tokens: z.number().int().describe('Input + output tokens'),
    success_tokens: z.number().int(),
    failure_tokens: z.number().int(),
    no_outcome_tokens: z.number().int().describe('Left out of both rates'),
    yield_rate: z.number().nullable().describe('success_tokens over tokens with an outcome'),
    goodput_tokens: z.number().int().describe('Succeeded, answered and within the objective'),
    goodput_rate: z.number().nullable(),
    outcome_coverage: z.number().nullable().describe('Tokens with an outcome over all tokens'),
  })
  .catchall(z.string().describe('One key per grouped dimension'));

export const traceRowSchema = z.object({
  trace_id: z.string(),
  feature: z.string().nullable().describe("The first call's feature"),
  start: z.string().describe('ISO 8601'),
  calls: z.number().int(),
  tokens: z.number().int().describe('Input + output tokens of every call'),
  cost: z.number(),
  first_call_tokens: z.number().int(),
  fan_out: z.number().nullable().describe('tokens / first_call_tokens'),
  duration_ms: z.number().int(),
});

export const traceTreeSchema = z.object({
  trace_id: z.string(),
  calls: z.number().int(),
  tokens: z.number().int(),
  cost: z.number(),
  first_call_tokens: z.number().int(),
  fan_out: z.number().nullable(),
  grew_most_step: z.number().int().nullable().describe('The step that added the most input'),
  steps: z.array(
    z.object({
      step: z.number().int(),
      depth: z.number().int(),
      call: z.string().describe('The model, indented two spaces per level'),
      span_id: z.string().nullable(),
      parent_span_id: z.string().nullable(),
      status: z.string(),
      attempt: z.number().int(),
      input_tokens: z.number().int(),
      output_tokens: z.number().int(),
      cost: z.number(),
      context_growth: z.number().int().nullable().describe("Input tokens over the parent's"),
      grew_most: z.boolean(),
    }),
  ),
});

export const spendChangeRowSchema = z.object({
  team: z.string(),
  feature: z.string(),
  cost_before: z.number(),
  cost_after: z.number(),
  change: z.number().describe('volume + mix + tokens per call + price'),
  volume_effect: z.number().describe('More or fewer calls at the earlier mix, shape and prices'),
  mix_effect: z.number().describe('Calls moving between models'),
  tokens_per_call_effect: z.number(),
  price_effect: z.number().describe('Cost per token moving on each model'),
  requests_before: z.number().int(),
  requests_after: z.number().int(),
});

export const anomalyRowSchema = z.object({
  scope: z
    .record(z.string(), z.string())
    .describe('Tag → value: the scope group, or { trace } / { virtual_key } for runaways'),
  metric: z.enum(['cost', 'tokens', 'active_users', 'calls_per_minute', 'tokens_per_minute']),
  start: z.string().describe('ISO 8601, inclusive'),
  end: z.string().describe('ISO 8601, exclusive'),
  observed: z
    .number()
    .describe('Cost (USD) and tokens: summed over the anomaly; users and rates: at its peak'),
  expected: z.number().describe('The baseline, summed or at the peak as observed is'),
  score: z.number().describe('Robust standard deviations above the baseline at the peak'),
  key: z.string().describe('Stable across evaluations: for deduplicating alerts'),
  kind: z.enum(['spike', 'runaway']),
  window_minutes: z.number().int().optional().describe('Runaways: the window of the rate'),
});

/** A row of GET /api/v1/budgets and `tokenops budgets --format json`. */
export const budgetStatusSchema = z.object({
  name: z.string(),
  scope: z.record(z.string(), z.string()),
  virtual_key: z.string().nullable(),
  period: z.enum(['day', 'week', 'month']),
  period_start: z.string(),
  resets_at: z.string(),
  limit_usd: z.number(),
  spent_usd: z.number(),
  reserved_usd: z.number().describe('held by gateway calls in flight'),
  share_used: z.number(),
  hard: z.boolean(),
  forecast_usd: z
    .number()
    .nullable()
    .describe('expected spend at the period end; null below 3 days of history'),
  forecast_lower_usd: z.number().nullable(),
  forecast_upper_usd: z.number().nullable(),
  runs_out_on: z.string().nullable().describe('YYYY-MM-DD the expected spend reaches the limit'),
});
/** A row of GET /api/v1/alerts and `tokenops alerts --format json`. */
export const alertRowSchema = z.object({
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
