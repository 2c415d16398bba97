import type { PricedUsageEvent } from '../../domain/usage-event.ts';
import type { ClickHouseConnection } from './clickhouse-connection.ts';
import {
  CLICKHOUSE_EVENT_ROW_SELECT,
  readClickHouseEventRow,
} from './read-clickhouse-event-row.ts';

/**
 * Whole events of [from, to) in time order (then id, as on DuckDB), in batches of one streamed
 * query: the range leads the sort key, so ClickHouse reads only its hours.
 */
export async function* readClickHouseEventsBetween(
  connection: ClickHouseConnection,
  from: number,
  to: number,
  batchSize: number,
): AsyncIterable<PricedUsageEvent[]> {
  const rows = connection.batches(
    {
      text: `SELECT ${CLICKHOUSE_EVENT_ROW_SELECT} FROM events
       WHERE ts >= ${Math.floor(from)} AND ts < ${Math.ceil(to)} ORDER BY ts, id`,
      params: [],
    },
    batchSize,
  );
  for await (const batch of rows) yield batch.map(readClickHouseEventRow);
}
