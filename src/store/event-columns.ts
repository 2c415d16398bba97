import type { ClassCosts } from '../domain/money.ts';
import type { EventPricing, PricedUsageEvent } from '../domain/usage-event.ts';

import type { ColumnLayout, TableColumn } from './column-batch.ts';

type EventColumn = TableColumn<PricedUsageEvent>;

const COST_PARTS: readonly { column: string; part: keyof ClassCosts }[] = [
  { column: 'input', part: 'input' },
  { column: 'cache_read', part: 'cacheRead' },
  { column: 'cache_write', part: 'cacheWrite' },
  { column: 'cache_write_1h', part: 'cacheWrite1h' },
  { column: 'output', part: 'output' },
  { column: 'reasoning', part: 'reasoning' },
  { column: 'total', part: 'total' },
];

function column<Row>(
  name: string,
  layout: ColumnLayout,
  read: TableColumn<Row>['read'],
): TableColumn<Row> {
  return { name, layout, read };
}

/** The columns a re-pricing rewrites, read from the pricing alone. */
export const PRICING_COLUMNS: readonly TableColumn<EventPricing>[] = [
  column('context_tier', 'varchar', (p) => p.contextTier),
  column('price_version', 'varchar', (p) => p.priceVersion),
  column('priced', 'boolean', (p) => p.effective !== null),
  column('flags', 'varchar', (p) => (p.flags.length > 0 ? p.flags.join(',') : undefined)),
  ...COST_PARTS.flatMap(({ column: name, part }) => [
    column<EventPricing>(`cost_${name}`, 'money', (p) => p.effective?.[part]),
    column<EventPricing>(`list_${name}`, 'money', (p) => p.list?.[part]),
  ]),
];

/** An event column holding one of the pricing columns. */
function pricing(name: string): EventColumn {
  const found = PRICING_COLUMNS.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`no pricing column ${name}`);
  return column(name, found.layout, (e) => found.read(e.pricing));
}

/**
 * The events table's columns in table order (migration 1; a test compares them with the
 * table), each with how it is read from an event. Kept in one list so the schema, the writer
 * and the order cannot drift apart.
 */
export const EVENT_COLUMNS: readonly EventColumn[] = [
  column('id', 'varchar', (e) => e.id),
  column('ts', 'timestamp', (e) => e.timestamp),
  column('source', 'varchar', (e) => e.source),
  column('provider', 'varchar', (e) => e.provider),
  column('model', 'varchar', (e) => e.model),
  column('requested_model', 'varchar', (e) => e.requestedModel),
  column('operation', 'varchar', (e) => e.operation),
  column('service_tier', 'varchar', (e) => e.serviceTier),
  pricing('context_tier'),
  column('input_tokens', 'int32', (e) => e.tokens.input),
  column('output_tokens', 'int32', (e) => e.tokens.output),
  column('cache_read_tokens', 'int32', (e) => e.tokens.cacheRead),
  column('cache_write_tokens', 'int32', (e) => e.tokens.cacheWrite),
  column('cache_write_1h_tokens', 'int32', (e) => e.tokens.cacheWrite1h),
  column('reasoning_tokens', 'int32', (e) => e.tokens.reasoning),
  column('system_prompt_tokens', 'int32', (e) => e.prompt?.systemPromptTokens),
  column('tool_definition_tokens', 'int32', (e) => e.prompt?.toolDefinitionTokens),
  column('currency', 'varchar', (e) => e.pricing.currency),
  pricing('price_version'),
  pricing('priced'),
  pricing('flags'),
  ...PRICING_COLUMNS.filter(({ layout }) => layout === 'money').map(({ name }) => pricing(name)),
  column('given_cost', 'double', (e) => e.givenCost),
  column('status', 'varchar', (e) => e.status),
  column('error_kind', 'varchar', (e) => e.errorKind),
  column('attempt', 'int32', (e) => e.attempt),
  column('retry_of', 'varchar', (e) => e.retryOf),
  column('cache_outcome', 'varchar', (e) => e.cacheOutcome),
  column('latency_ms', 'double', (e) => e.latencyMs),
  column('ttft_ms', 'double', (e) => e.timeToFirstTokenMs),
  column('request_id', 'varchar', (e) => e.requestId),
  column('trace_id', 'varchar', (e) => e.traceId),
  column('span_id', 'varchar', (e) => e.spanId),
  column('parent_span_id', 'varchar', (e) => e.parentSpanId),
  column('prompt_fingerprint', 'varchar', (e) => e.promptFingerprint),
  column('tag_team', 'varchar', (e) => e.tags.team),
  column('tag_service', 'varchar', (e) => e.tags.service),
  column('tag_feature', 'varchar', (e) => e.tags.feature),
  column('tag_environment', 'varchar', (e) => e.tags.environment),
  column('tag_customer', 'varchar', (e) => e.tags.customer),
  column('tag_user', 'varchar', (e) => e.tags.user),
  column('extra_tags', 'varchar', (e) => (e.tags.extra ? JSON.stringify(e.tags.extra) : undefined)),
  column('outcome', 'varchar', (e) => e.outcome),
  column('score', 'double', (e) => e.score),
  // Migration 5.
  column('avoided_cost', 'double', (e) => e.avoidedCost),
  column('trimmed_tokens', 'int32', (e) => e.trimmedTokens),
];

export const EVENT_COLUMN_NAMES = EVENT_COLUMNS.map(({ name }) => name);
