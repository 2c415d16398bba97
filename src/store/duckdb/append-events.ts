import type { DuckDBConnection } from '@duckdb/node-api';
import type { PricedUsageEvent } from '../../domain/usage-event.ts';
import { appendEventRow } from './append-event-row.ts';

/** Bulk-writes events into `table` with DuckDB's appender; flushed once at the end. */
export async function appendEvents(
  connection: DuckDBConnection,
  table: string,
  events: readonly PricedUsageEvent[],
): Promise<void> {
  const appender = await connection.createAppender(table);
  try {
    for (const event of events) appendEventRow(appender, event);
    appender.flushSync();
  } finally {
    appender.closeSync();
  }
}
