import { TAG_KEYS, type Tags } from '../../domain/tags.ts';
import type { PricedUsageEvent } from '../../domain/usage-event.ts';
import { EVENT_COLUMN_NAMES } from '../event-columns.ts';
import { eventFromRow, type EventRow } from '../sql/event-from-row.ts';
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
  // JSON values: text, numbers, arrays or null, each with its own text.
  return eventFromRow(row as EventRow, { timestamp: Number(row.ts), tags: tags(row) });
}
