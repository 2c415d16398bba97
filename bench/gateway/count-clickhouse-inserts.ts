import { queryClickHouse } from '../../test/helpers/query-clickhouse.ts';

/**
 * The inserts a ClickHouse server took since it started: each gateway sends one per spool
 * flush, so a second replica means more, smaller inserts for the same calls, and ClickHouse
 * writes a part per insert, then merges the parts.
 */
export async function countClickHouseInserts(storeUrl: string): Promise<Record<string, number>> {
  const rows = await queryClickHouse(
    storeUrl,
    "SELECT event, value FROM system.events WHERE event IN ('InsertQuery', 'InsertedRows', 'MergedRows')",
  );
  const counts = Object.fromEntries(rows.map(([event, value]) => [event ?? '', Number(value)]));
  const queries = counts.InsertQuery ?? 0;
  const rowsInserted = counts.InsertedRows ?? 0;
  return {
    insert_queries: queries,
    rows_inserted: rowsInserted,
    rows_per_insert: queries > 0 ? Math.round(rowsInserted / queries) : 0,
    rows_merged: counts.MergedRows ?? 0,
  };
}
