import type { DuckDBConnection } from '@duckdb/node-api';
import type { PricedUsageEvent } from '../../domain/usage-event.ts';
import { appendRows } from './chunk-appender.ts';
import { EVENT_COLUMNS } from './event-columns.ts';

/** Bulk-writes events into `table` (the events table's columns) through data chunks. */
export function appendEvents(
  connection: DuckDBConnection,
  table: string,
  events: readonly PricedUsageEvent[],
): Promise<void> {
  return appendRows(connection, table, EVENT_COLUMNS, events);
}
