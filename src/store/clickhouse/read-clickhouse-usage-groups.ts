import type { UsageGroup } from '../store.ts';
import { readUsageGroup } from '../sql/read-usage-group.ts';
import { buildUsageGroupsQuery } from '../sql/usage-groups-query.ts';
import { clickHouseDialect } from './clickhouse-dialect.ts';
import type { ClickHouseConnection } from './clickhouse-connection.ts';

/** Priced usage per hour and price point and tag set (or per event), one query streamed in batches. */
export async function* readClickHouseUsageGroups(
  connection: ClickHouseConnection,
  from: number,
  to: number,
  grain: 'hour' | 'event',
  batchSize: number,
): AsyncIterable<UsageGroup[]> {
  const query = buildUsageGroupsQuery(from, to, grain, clickHouseDialect);
  for await (const rows of connection.batches(query, batchSize)) yield rows.map(readUsageGroup);
}
