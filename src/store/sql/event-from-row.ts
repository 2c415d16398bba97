import type { ClassCosts } from '../../domain/money.ts';
import type { Tags } from '../../domain/tags.ts';
import type { TokenCounts } from '../../domain/token-classes.ts';
import type {
  CacheOutcome,
  CallStatus,
  EventFlag,
  EventSource,
  Outcome,
  PricedUsageEvent,
  ServiceTier,
} from '../../domain/usage-event.ts';

/** A cell as either engine's client gives it: text, numbers, or a value object with its text. */
type Cell = string | number | bigint | boolean | null | undefined | { toString(): string };

/** A stored events row by column name. */
export type EventRow = Readonly<Record<string, Cell>>;

/** A cell's text: DuckDB's decimal and timestamp values and ClickHouse's quoted numbers alike. */
const cellText = (value: NonNullable<Cell>): string => value.toString();
const text = (value: Cell): string | undefined =>
  value === null || value === undefined ? undefined : cellText(value);
const number = (value: Cell): number | undefined =>
  value === null || value === undefined ? undefined : Number(cellText(value));
const money = (value: Cell): number => number(value) ?? 0;

function costs(row: EventRow, prefix: 'cost' | 'list'): ClassCosts | null {
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

/** The token classes of a stored row (events and recorded calls alike). */
export function tokensFromRow(row: Readonly<Record<string, unknown>>): TokenCounts {
  return {
    input: Number(row.input_tokens),
    output: Number(row.output_tokens),
    cacheRead: Number(row.cache_read_tokens),
    cacheWrite: Number(row.cache_write_tokens),
    cacheWrite1h: Number(row.cache_write_1h_tokens),
    reasoning: Number(row.reasoning_tokens),
  };
}

/**
 * A stored row back as the event it came from. The engines store time and free tags their own
 * way, so each adapter reads those two and hands them in; every other column is the same.
 */
export function eventFromRow(
  row: EventRow,
  stored: { timestamp: number; tags: Tags },
): PricedUsageEvent {
  const event: PricedUsageEvent = {
    id: String(row.id),
    timestamp: stored.timestamp,
    source: String(row.source) as EventSource,
    provider: String(row.provider),
    model: String(row.model),
    serviceTier: String(row.service_tier) as ServiceTier,
    tokens: tokensFromRow(row),
    status: String(row.status) as CallStatus,
    attempt: Number(row.attempt),
    tags: stored.tags,
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
