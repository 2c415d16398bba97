import type { DuckDBResultReader, DuckDBValue } from '@duckdb/node-api';
import type { PricedUsageEvent } from '../../domain/usage-event.ts';
import { EVENT_ROW_SELECT, readEventRow } from './read-event-row.ts';

/**
 * Whole events of [from, to) in time order, a page per query (keyset on time and id), so
 * the connection is free between pages for the store's other callers.
 */
export async function* readEventsBetween(
  /** Runs one page's query when the store's connection is free. */
  query: (sql: string, values: DuckDBValue[]) => Promise<DuckDBResultReader>,
  from: number,
  to: number,
  batchSize: number,
): AsyncIterable<PricedUsageEvent[]> {
  let cursor: { ts: number; id: string } | undefined;
  const limit = Math.max(1, Math.floor(batchSize));
  for (;;) {
    const after = cursor ? 'AND (epoch_ms(ts) > $3 OR (epoch_ms(ts) = $3 AND id > $4))' : '';
    const reader = await query(
      `SELECT ${EVENT_ROW_SELECT} FROM events
         WHERE ts >= make_timestamp(CAST($1 AS BIGINT) * 1000) AND ts < make_timestamp(CAST($2 AS BIGINT) * 1000) ${after}
         ORDER BY ts, id LIMIT ${limit}`,
      cursor ? [from, to, cursor.ts, cursor.id] : [from, to],
    );
    const events = reader.getRowObjects().map(readEventRow);
    if (events.length === 0) return;
    yield events;
    const last = events[events.length - 1];
    if (!last) return;
    cursor = { ts: last.timestamp, id: last.id };
  }
}
