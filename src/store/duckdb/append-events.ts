import { DuckDBDataChunk, type DuckDBConnection, type DuckDBType } from '@duckdb/node-api';
import type { PricedUsageEvent } from '../../domain/usage-event.ts';
import { EVENT_COLUMNS } from './event-columns.ts';

/** DuckDB's vector size: a data chunk holds at most this many rows. */
const CHUNK_ROWS = 2048;

/**
 * Bulk-writes events with DuckDB's appender, a column at a time: one native call per column
 * per 2,048 rows instead of one per value.
 */
export async function appendEvents(
  connection: DuckDBConnection,
  table: string,
  events: readonly PricedUsageEvent[],
): Promise<void> {
  const appender = await connection.createAppender(table);
  try {
    const types: DuckDBType[] = [];
    for (let column = 0; column < appender.columnCount; column += 1) {
      types.push(appender.columnType(column));
    }
    for (let start = 0; start < events.length; start += CHUNK_ROWS) {
      const slice = events.slice(start, start + CHUNK_ROWS);
      const chunk = DuckDBDataChunk.create(types, slice.length);
      EVENT_COLUMNS.forEach(([, read], column) => {
        chunk.setColumnValues(column, slice.map(read));
      });
      appender.appendDataChunk(chunk);
    }
    appender.flushSync();
  } finally {
    appender.closeSync();
  }
}
