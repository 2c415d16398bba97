import { DuckDBDecimalValue, DuckDBTimestampValue, type DuckDBValue } from '@duckdb/node-api';
import type { ClassCosts } from '../../domain/money.ts';
import type { PricedUsageEvent } from '../../domain/usage-event.ts';

/**
 * The events table's columns in order, each with how to read it off an event. The appender
 * fills whole columns at once from these getters; the order must match migration 1.
 */
type Getter = (event: PricedUsageEvent) => DuckDBValue;

const PICO = 1e12;
const money = (amount: number | undefined): DuckDBValue =>
  amount === undefined ? null : new DuckDBDecimalValue(BigInt(Math.round(amount * PICO)), 18, 12);
const text = (value: string | undefined): DuckDBValue => value ?? null;
const number = (value: number | undefined): DuckDBValue => value ?? null;

function costColumn(kind: 'effective' | 'list', part: keyof ClassCosts): Getter {
  return (event) => money(event.pricing[kind]?.[part]);
}

const COST_PARTS = [
  ['input', 'input'],
  ['cache_read', 'cacheRead'],
  ['cache_write', 'cacheWrite'],
  ['output', 'output'],
  ['reasoning', 'reasoning'],
  ['total', 'total'],
] as const;

const costGetters: [string, Getter][] = COST_PARTS.flatMap(([column, part]) => [
  [`cost_${column}`, costColumn('effective', part)],
  [`list_${column}`, costColumn('list', part)],
]);

export const EVENT_COLUMNS: readonly (readonly [string, Getter])[] = [
  ['id', (event) => event.id],
  ['ts', (event) => new DuckDBTimestampValue(BigInt(event.timestamp) * 1000n)],
  ['source', (event) => event.source],
  ['provider', (event) => event.provider],
  ['model', (event) => event.model],
  ['requested_model', (event) => text(event.requestedModel)],
  ['operation', (event) => text(event.operation)],
  ['service_tier', (event) => event.serviceTier],
  ['context_tier', (event) => event.pricing.contextTier],
  ['input_tokens', (event) => event.tokens.input],
  ['output_tokens', (event) => event.tokens.output],
  ['cache_read_tokens', (event) => event.tokens.cacheRead],
  ['cache_write_tokens', (event) => event.tokens.cacheWrite],
  ['cache_write_1h_tokens', (event) => event.tokens.cacheWrite1h],
  ['reasoning_tokens', (event) => event.tokens.reasoning],
  ['system_prompt_tokens', (event) => number(event.prompt?.systemPromptTokens)],
  ['tool_definition_tokens', (event) => number(event.prompt?.toolDefinitionTokens)],
  ['currency', (event) => event.pricing.currency],
  ['price_version', (event) => event.pricing.priceVersion],
  ['priced', (event) => event.pricing.effective !== null],
  ['flags', (event) => (event.pricing.flags.length > 0 ? event.pricing.flags.join(',') : null)],
  ...costGetters,
  ['given_cost', (event) => number(event.givenCost)],
  ['status', (event) => event.status],
  ['error_kind', (event) => text(event.errorKind)],
  ['attempt', (event) => event.attempt],
  ['retry_of', (event) => text(event.retryOf)],
  ['cache_outcome', (event) => text(event.cacheOutcome)],
  ['latency_ms', (event) => number(event.latencyMs)],
  ['ttft_ms', (event) => number(event.timeToFirstTokenMs)],
  ['request_id', (event) => text(event.requestId)],
  ['trace_id', (event) => text(event.traceId)],
  ['span_id', (event) => text(event.spanId)],
  ['parent_span_id', (event) => text(event.parentSpanId)],
  ['prompt_fingerprint', (event) => text(event.promptFingerprint)],
  ['tag_team', (event) => text(event.tags.team)],
  ['tag_service', (event) => text(event.tags.service)],
  ['tag_feature', (event) => text(event.tags.feature)],
  ['tag_environment', (event) => text(event.tags.environment)],
  ['tag_customer', (event) => text(event.tags.customer)],
  ['tag_user', (event) => text(event.tags.user)],
  ['extra_tags', (event) => (event.tags.extra ? JSON.stringify(event.tags.extra) : null)],
  ['outcome', (event) => text(event.outcome)],
  ['score', (event) => number(event.score)],
];
