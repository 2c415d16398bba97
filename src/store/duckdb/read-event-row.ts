import type { DuckDBValue } from '@duckdb/node-api';
import type { ClassCosts } from '../../domain/money.ts';
import type {
  CacheOutcome,
  CallStatus,
  EventFlag,
  EventSource,
  Outcome,
  PricedUsageEvent,
  ServiceTier,
} from '../../domain/usage-event.ts';
import { readTagColumns } from '../sql/read-tag-columns.ts';

/** Select list that `readEventRow` understands: every column, the time as epoch ms. */
export const EVENT_ROW_SELECT = 'epoch_ms(ts) AS ts_ms, * EXCLUDE (ts)';

type Row = Record<string, DuckDBValue | undefined>;
type Cell = DuckDBValue | undefined;

const text = (value: Cell): string | undefined =>
  value === null || value === undefined ? undefined : String(value);
const number = (value: Cell): number | undefined =>
  value === null || value === undefined ? undefined : Number(value);
const money = (value: Cell): number => Number(value?.toString() ?? 0);

function costs(row: Row, prefix: 'cost' | 'list'): ClassCosts | null {
  if (row[`${prefix}_total`] === null) return null;
  return {
    input: money(row[`${prefix}_input`]),
    cacheRead: money(row[`${prefix}_cache_read`]),
    cacheWrite: money(row[`${prefix}_cache_write`]),
    cacheWrite1h: money(row[`${prefix}_cache_write_1h`]),
    output: money(row[`${prefix}_output`]),
    reasoning: money(row[`${prefix}_reasoning`]),
    total: money(row[`${prefix}_total`]),
  };
}

/** Turns a stored row back into the event it came from. */
export function readEventRow(row: Row): PricedUsageEvent {
  const event: PricedUsageEvent = {
    id: String(row.id),
    timestamp: Number(row.ts_ms),
    source: String(row.source) as EventSource,
    provider: String(row.provider),
    model: String(row.model),
    serviceTier: String(row.service_tier) as ServiceTier,
    tokens: {
      input: Number(row.input_tokens),
      output: Number(row.output_tokens),
      cacheRead: Number(row.cache_read_tokens),
      cacheWrite: Number(row.cache_write_tokens),
      cacheWrite1h: Number(row.cache_write_1h_tokens),
      reasoning: Number(row.reasoning_tokens),
    },
    status: String(row.status) as CallStatus,
    attempt: Number(row.attempt),
    tags: readTagColumns(row),
    pricing: {
      currency: String(row.currency),
      priceVersion: String(row.price_version),
      contextTier: row.context_tier === 'long' ? 'long' : 'standard',
      list: costs(row, 'list'),
      effective: costs(row, 'cost'),
      flags: (text(row.flags)?.split(',') ?? []) as EventFlag[],
    },
  };
  const optional: Partial<PricedUsageEvent> = {
    usageEstimated: event.pricing.flags.includes('usage-estimated') || undefined,
    requestId: text(row.request_id),
    traceId: text(row.trace_id),
    spanId: text(row.span_id),
    parentSpanId: text(row.parent_span_id),
    requestedModel: text(row.requested_model),
    operation: text(row.operation),
    latencyMs: number(row.latency_ms),
    timeToFirstTokenMs: number(row.ttft_ms),
    errorKind: text(row.error_kind),
    retryOf: text(row.retry_of),
    cacheOutcome: text(row.cache_outcome) as CacheOutcome | undefined,
    promptFingerprint: text(row.prompt_fingerprint),
    outcome: text(row.outcome) as Outcome | undefined,
    score: number(row.score),
    givenCost: number(row.given_cost),
    avoidedCost: number(row.avoided_cost),
    trimmedTokens: number(row.trimmed_tokens),
  };
  for (const [key, value] of Object.entries(optional)) {
    if (value !== undefined) Object.assign(event, { [key]: value });
  }
  const systemPromptTokens = number(row.system_prompt_tokens);
  const toolDefinitionTokens = number(row.tool_definition_tokens);
  if (systemPromptTokens !== undefined || toolDefinitionTokens !== undefined) {
    event.prompt = {};
    if (systemPromptTokens !== undefined) event.prompt.systemPromptTokens = systemPromptTokens;
    if (toolDefinitionTokens !== undefined)
      event.prompt.toolDefinitionTokens = toolDefinitionTokens;
  }
  return event;
}
