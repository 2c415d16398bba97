import type { PricedUsageEvent } from '../domain/usage-event.ts';

import type { ColumnLayout, TableColumn } from './column-batch.ts';

type EventColumn = TableColumn<PricedUsageEvent>;

/** Anything that carries a pricing: an event, or a re-pricing's update. */
type Priced = Pick<PricedUsageEvent, 'pricing'>;

function column<Row>(
  name: string,
  layout: ColumnLayout,
  read: TableColumn<Row>['read'],
): TableColumn<Row> {
  return { name, layout, read };
}

/**
 * The columns a re-pricing rewrites, read from the pricing alone. Each cost column reads its
 * property by name: a loop over the parts would read them through one shared call site, which
 * makes laying out every event several times slower.
 */
export const PRICING_COLUMNS: readonly TableColumn<Priced>[] = [
  column('context_tier', 'varchar', (r) => r.pricing.contextTier),
  column('price_version', 'varchar', (r) => r.pricing.priceVersion),
  column('priced', 'boolean', (r) => r.pricing.effective !== null),
  column('flags', 'varchar', (r) =>
    r.pricing.flags.length > 0 ? r.pricing.flags.join(',') : undefined,
  ),
  column('cost_input', 'money', (r) => r.pricing.effective?.input),
  column('list_input', 'money', (r) => r.pricing.list?.input),
  column('cost_cache_read', 'money', (r) => r.pricing.effective?.cacheRead),
  column('list_cache_read', 'money', (r) => r.pricing.list?.cacheRead),
  column('cost_cache_write', 'money', (r) => r.pricing.effective?.cacheWrite),
  column('list_cache_write', 'money', (r) => r.pricing.list?.cacheWrite),
  column('cost_cache_write_1h', 'money', (r) => r.pricing.effective?.cacheWrite1h),
  column('list_cache_write_1h', 'money', (r) => r.pricing.list?.cacheWrite1h),
  column('cost_output', 'money', (r) => r.pricing.effective?.output),
  column('list_output', 'money', (r) => r.pricing.list?.output),
  column('cost_reasoning', 'money', (r) => r.pricing.effective?.reasoning),
  column('list_reasoning', 'money', (r) => r.pricing.list?.reasoning),
  column('cost_total', 'money', (r) => r.pricing.effective?.total),
  column('list_total', 'money', (r) => r.pricing.list?.total),
];

/** One of the pricing columns, as an event column. */
function pricing(name: string): EventColumn {
  const found = PRICING_COLUMNS.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`no pricing column ${name}`);
  return found;
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
