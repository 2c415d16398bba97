import type { ClickHouseConnection } from './clickhouse-connection.ts';
import { quoteClickHouseText } from './render-clickhouse-query.ts';

/**
 * Which of these ids are already stored. Only the batch's time range is searched: an event
 * keeps its timestamp when it is sent again (spool replay, a client's retry), and the range
 * lets ClickHouse skip every other month and hour of the table (the partition and sort key).
 */
export async function findStoredEventIds(
  connection: ClickHouseConnection,
  ids: readonly string[],
  fromMs: number,
  toMs: number,
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const list = [...new Set(ids)].map(quoteClickHouseText).join(',');
  const rows = await connection.rows(
    `SELECT DISTINCT id FROM events
     WHERE ts >= ${Math.floor(fromMs)} AND ts <= ${Math.ceil(toMs)} AND id IN (${list})`,
  );
  return new Set(rows.map((row) => String(row.id)));
}
