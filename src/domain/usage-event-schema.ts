import { z } from 'zod';
import type { FieldIssue } from './errors/index.ts';
import { findTokenProblems, type TokenCounts } from './token-classes.ts';
import { tagsFromFlat } from './tags.ts';
import {
  CACHE_OUTCOMES,
  CALL_STATUSES,
  EVENT_SOURCES,
  OUTCOMES,
  SERVICE_TIERS,
  type EventSource,
  type UsageEvent,
} from './usage-event.ts';

const tokenCount = z.number().int('must be a whole number').nonnegative('must be 0 or more');
const optionalText = z.string().min(1).max(512).optional();
const tagValue = z.string().min(1, 'must not be empty').max(256);

/** The usage event as the events API and `ingest --format events` take it (PRODUCT.md §9). */
export const usageEventInputSchema = z.strictObject({
  id: z.string().min(1).max(128),
  timestamp: z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time' }),
  provider: z.string().min(1).max(64),
  model: z.string().min(1).max(256),
  input_tokens: tokenCount.default(0),
  output_tokens: tokenCount.default(0),
  cache_read_tokens: tokenCount.default(0),
  cache_write_tokens: tokenCount.default(0),
  cache_write_1h_tokens: tokenCount.default(0),
  reasoning_tokens: tokenCount.default(0),
  system_prompt_tokens: tokenCount.optional(),
  tool_definition_tokens: tokenCount.optional(),
  tags: z
    .record(z.string().min(1).max(64), tagValue)
    .default({})
    .refine((tags) => Object.keys(tags).length <= 64, 'must have at most 64 keys'),
  source: z.enum(EVENT_SOURCES).optional(),
  request_id: optionalText,
  trace_id: optionalText,
  span_id: optionalText,
  parent_span_id: optionalText,
  requested_model: optionalText,
  operation: optionalText,
  service_tier: z.enum(SERVICE_TIERS).default('standard'),
  status: z.enum(CALL_STATUSES).default('ok'),
  error_kind: optionalText,
  latency_ms: z.number().nonnegative().optional(),
  time_to_first_token_ms: z.number().nonnegative().optional(),
  attempt: z.number().int().min(1).default(1),
  retry_of: optionalText,
  cache_outcome: z.enum(CACHE_OUTCOMES).optional(),
  prompt_fingerprint: optionalText,
  outcome: z.enum(OUTCOMES).optional(),
  score: z.number().finite().optional(),
  cost: z.number().nonnegative('must be 0 or more').optional(),
  usage_estimated: z.boolean().optional(),
});

export type UsageEventInput = z.input<typeof usageEventInputSchema>;

export type ParsedUsageEvent =
  { ok: true; event: UsageEvent } | { ok: false; issues: FieldIssue[] };

const TOKEN_WIRE_NAMES: Record<keyof TokenCounts, string> = {
  input: 'input_tokens',
  output: 'output_tokens',
  cacheRead: 'cache_read_tokens',
  cacheWrite: 'cache_write_tokens',
  cacheWrite1h: 'cache_write_1h_tokens',
  reasoning: 'reasoning_tokens',
};

export interface ParseOptions {
  /** Providers this deployment knows; any other is refused. */
  knownProviders: readonly string[];
  /** The door the event came through, unless the event names one. */
  defaultSource: EventSource;
}

/** Validates one wire event; a bad event yields every field at fault and nothing else. */
export function parseUsageEvent(raw: unknown, options: ParseOptions): ParsedUsageEvent {
  const parsed = usageEventInputSchema.safeParse(raw);
  if (!parsed.success) {
    return {
      ok: false,
      issues: parsed.error.issues.map((issue) => ({
        field: issue.path.join('.') || '(event)',
        reason: issue.message,
      })),
    };
  }
  const input = parsed.data;
  const issues: FieldIssue[] = [];
  if (!options.knownProviders.includes(input.provider)) {
    issues.push({
      field: 'provider',
      reason: `"${input.provider}" is not a known provider (known: ${options.knownProviders.join(', ')})`,
    });
  }
  const tokens: TokenCounts = {
    input: input.input_tokens,
    output: input.output_tokens,
    cacheRead: input.cache_read_tokens,
    cacheWrite: input.cache_write_tokens,
    cacheWrite1h: input.cache_write_1h_tokens,
    reasoning: input.reasoning_tokens,
  };
  for (const problem of findTokenProblems(tokens)) {
    issues.push({ field: TOKEN_WIRE_NAMES[problem.field], reason: problem.reason });
  }
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, event: toUsageEvent(input, tokens, options.defaultSource) };
}

function toUsageEvent(
  input: z.output<typeof usageEventInputSchema>,
  tokens: TokenCounts,
  defaultSource: EventSource,
): UsageEvent {
  return stripUndefined({
    id: input.id,
    requestId: input.request_id,
    traceId: input.trace_id,
    spanId: input.span_id,
    parentSpanId: input.parent_span_id,
    timestamp: Date.parse(input.timestamp),
    source: input.source ?? defaultSource,
    provider: input.provider,
    requestedModel: input.requested_model,
    model: input.model,
    operation: input.operation,
    serviceTier: input.service_tier,
    tokens,
    prompt: stripUndefined({
      systemPromptTokens: input.system_prompt_tokens,
      toolDefinitionTokens: input.tool_definition_tokens,
    }),
    latencyMs: input.latency_ms,
    timeToFirstTokenMs: input.time_to_first_token_ms,
    status: input.status,
    errorKind: input.error_kind,
    attempt: input.attempt,
    retryOf: input.retry_of,
    cacheOutcome: input.cache_outcome,
    promptFingerprint: input.prompt_fingerprint,
    tags: tagsFromFlat(Object.entries(input.tags)),
    outcome: input.outcome,
    score: input.score,
    givenCost: input.cost,
    usageEstimated: input.usage_estimated || undefined,
  });
}

function stripUndefined<T extends object>(value: T): T {
  for (const key of Object.keys(value) as (keyof T)[]) {
    if (value[key] === undefined) delete value[key];
  }
  return value;
}
