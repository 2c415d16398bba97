import { z } from 'zod';
import type { FieldIssue } from './errors/index.ts';
import { MAX_EVENT_COST } from './money.ts';
import {
  findTokenProblems,
  MAX_TOKEN_COUNT,
  type PromptComposition,
  type TokenCounts,
} from './token-classes.ts';
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

const tokenCount = z
  .number()
  .int('must be a whole number')
  .nonnegative('must be 0 or more')
  .max(MAX_TOKEN_COUNT, `must be at most ${MAX_TOKEN_COUNT} (the most one call can count)`);
const optionalText = z.string().min(1).max(512).optional();
const tagValue = z.string().min(1, 'must not be empty').max(256);
const MAX_TAGS = 64;

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
    .refine((tags) => Object.keys(tags).length <= MAX_TAGS, `must have at most ${MAX_TAGS} keys`),
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
  // Stored as a 32-bit integer.
  attempt: z
    .number()
    .int()
    .min(1)
    .max(2 ** 31 - 1, 'must be at most 2147483647')
    .default(1),
  retry_of: optionalText,
  cache_outcome: z.enum(CACHE_OUTCOMES).optional(),
  prompt_fingerprint: optionalText,
  outcome: z.enum(OUTCOMES).optional(),
  score: z.number().finite().optional(),
  cost: z
    .number()
    .nonnegative('must be 0 or more')
    .lt(MAX_EVENT_COST, `must be below ${MAX_EVENT_COST} (the most one event can cost)`)
    .optional(),
  usage_estimated: z.boolean().optional(),
  /** A cache hit's saving (USD): the effective cost of the call it replayed. */
  avoided_cost: z.number().nonnegative('must be 0 or more').optional(),
  /** Prompt tokens a context ceiling trimmed from the request. */
  trimmed_tokens: tokenCount.optional(),
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
  const tags = Object.entries(input.tags);
  const protoTag = ownProtoTag(raw);
  if (protoTag !== undefined) {
    const checked = tagValue.safeParse(protoTag);
    if (!checked.success) {
      issues.push({ field: 'tags.__proto__', reason: checked.error.issues[0]!.message });
    } else if (tags.length >= MAX_TAGS) {
      issues.push({ field: 'tags', reason: `must have at most ${MAX_TAGS} keys` });
    } else {
      tags.push(['__proto__', checked.data]);
    }
  }
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, event: toUsageEvent(input, tags, tokens, options.defaultSource) };
}

/** zod's record skips a key named `__proto__` (unchecked, unkept); it is read here instead. */
function ownProtoTag(raw: unknown): unknown {
  const tags = (raw as { tags?: unknown }).tags;
  if (typeof tags !== 'object' || tags === null || !Object.hasOwn(tags, '__proto__')) {
    return undefined;
  }
  return Object.getOwnPropertyDescriptor(tags, '__proto__')?.value;
}

function toUsageEvent(
  input: z.output<typeof usageEventInputSchema>,
  tags: readonly (readonly [string, string])[],
  tokens: TokenCounts,
  defaultSource: EventSource,
): UsageEvent {
  const event: UsageEvent = {
    id: input.id,
    timestamp: Date.parse(input.timestamp),
    source: input.source ?? defaultSource,
    provider: input.provider,
    model: input.model,
    serviceTier: input.service_tier,
    tokens,
    status: input.status,
    attempt: input.attempt,
    tags: tagsFromFlat(tags),
  };
  // Optional fields are set only when present: absent stays absent, and no property is ever
  // deleted (a delete turns the object into a slow dictionary for everything after).
  if (input.request_id !== undefined) event.requestId = input.request_id;
  if (input.trace_id !== undefined) event.traceId = input.trace_id;
  if (input.span_id !== undefined) event.spanId = input.span_id;
  if (input.parent_span_id !== undefined) event.parentSpanId = input.parent_span_id;
  if (input.requested_model !== undefined) event.requestedModel = input.requested_model;
  if (input.operation !== undefined) event.operation = input.operation;
  if (input.latency_ms !== undefined) event.latencyMs = input.latency_ms;
  if (input.time_to_first_token_ms !== undefined) {
    event.timeToFirstTokenMs = input.time_to_first_token_ms;
  }
  if (input.error_kind !== undefined) event.errorKind = input.error_kind;
  if (input.retry_of !== undefined) event.retryOf = input.retry_of;
  if (input.cache_outcome !== undefined) event.cacheOutcome = input.cache_outcome;
  if (input.prompt_fingerprint !== undefined) event.promptFingerprint = input.prompt_fingerprint;
  if (input.outcome !== undefined) event.outcome = input.outcome;
  if (input.score !== undefined) event.score = input.score;
  if (input.cost !== undefined) event.givenCost = input.cost;
  if (input.usage_estimated) event.usageEstimated = true;
  if (input.avoided_cost !== undefined) event.avoidedCost = input.avoided_cost;
  if (input.trimmed_tokens !== undefined) event.trimmedTokens = input.trimmed_tokens;
  const prompt: PromptComposition = {};
  if (input.system_prompt_tokens !== undefined)
    prompt.systemPromptTokens = input.system_prompt_tokens;
  if (input.tool_definition_tokens !== undefined) {
    prompt.toolDefinitionTokens = input.tool_definition_tokens;
  }
  event.prompt = prompt;
  return event;
}
