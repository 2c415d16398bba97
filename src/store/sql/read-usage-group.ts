import type { ClassCosts } from '../../domain/money.ts';
import type { EventSource, ServiceTier } from '../../domain/usage-event.ts';
import type { UsageGroup } from '../store.ts';
import { readTagColumns } from './read-tag-columns.ts';
import { tokensFromRow } from './event-from-row.ts';

type Row = Record<string, unknown>;
const HOUR_MS = 3_600_000;

function costs(row: Row, prefix: 'cost' | 'list'): ClassCosts {
  const part = (name: string) => Number(row[`${prefix}_${name}`] ?? 0);
  return {
    input: part('input'),
    cacheRead: part('cache_read'),
    cacheWrite: part('cache_write'),
    cacheWrite1h: part('cache_write_1h'),
    output: part('output'),
    reasoning: part('reasoning'),
    total: part('total'),
  };
}

/** A row of the usage-groups query as a UsageGroup. */
export function readUsageGroup(row: Row): UsageGroup {
  const periodStart = Date.parse(String(row.period_start));
  const group: UsageGroup = {
    periodStart,
    periodEnd: periodStart + HOUR_MS,
    provider: String(row.provider),
    model: String(row.model),
    serviceTier: String(row.service_tier) as ServiceTier,
    contextTier: row.context_tier === 'long' ? 'long' : 'standard',
    currency: String(row.currency),
    source: String(row.source) as EventSource,
    tags: readTagColumns(row),
    events: Number(row.events),
    tokens: tokensFromRow(row),
    list: costs(row, 'list'),
    effective: costs(row, 'cost'),
  };
  if (typeof row.id === 'string') group.eventId = row.id;
  if (typeof row.trace_id === 'string') group.traceId = row.trace_id;
  return group;
}
