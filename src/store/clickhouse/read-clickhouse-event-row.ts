import type { ClassCosts } from '../../domain/money.ts';
import { TAG_KEYS, type Tags } from '../../domain/tags.ts';
import type {
  CacheOutcome,
  CallStatus,
  EventFlag,
  EventSource,
  Outcome,
  PricedUsageEvent,
  ServiceTier,
} from '../../domain/usage-event.ts';
import { EVENT_COLUMN_NAMES } from '../event-columns.ts';
import type { ClickHouseRow } from './clickhouse-connection.ts';

/**
 * What `readClickHouseEventRow` reads: every event column but the free-tag JSON, which the
 * parallel arrays hold already (no JSON parsed per row); whether it was set tells `{}` from none.
 */
export const CLICKHOUSE_EVENT_ROW_SELECT = [
  ...EVENT_COLUMN_NAMES.filter((name) => name !== 'extra_tags'),
  'isNotNull(extra_tags) AS has_extra_tags',
  'tag_keys',
  'tag_values',
].join(', ');

type Cell = unknown;

// Text columns come back as JSON strings, NULL as null.
const text = (value: Cell): string | undefined => (typeof value === 'string' ? value : undefined);
// JSONEachRow quotes 64-bit integers and may quote decimals: Number() reads either form.
const number = (value: Cell): number | undefined =>
  value === null || value === undefined ? undefined : Number(value);

function costs(row: ClickHouseRow, prefix: 'cost' | 'list'): ClassCosts | null {
  if (row[`${prefix}_total`] === null) return null;
  const money = (part: string): number => Number(row[`${prefix}_${part}`] ?? 0);
  return {
    input: money('input'),
    cacheRead: money('cache_read'),
    cacheWrite: money('cache_write'),
    cacheWrite1h: money('cache_write_1h'),
    output: money('output'),
    reasoning: money('reasoning'),
    total: money('total'),
  };
}

function tags(row: ClickHouseRow): Tags {
  const result: Tags = {};
  for (const key of TAG_KEYS) {
    const value = row[`tag_${key}`];
    if (typeof value === 'string') result[key] = value;
  }
  if (Number(row.has_extra_tags) === 1) {
    const keys = row.tag_keys as string[];
    const values = row.tag_values as string[];
    result.extra = Object.fromEntries(keys.map((key, index) => [key, values[index] ?? '']));
  }
  return result;
}

/** A stored row back as the event it came from, field for field as the DuckDB store reads it. */
export function readClickHouseEventRow(row: ClickHouseRow): PricedUsageEvent {
  const event: PricedUsageEvent = {
    id: String(row.id),
    timestamp: Number(row.ts),
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
    tags: tags(row),
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
    if (toolDefinitionTokens !== undefined) {
      event.prompt.toolDefinitionTokens = toolDefinitionTokens;
    }
  }
  return event;
}
