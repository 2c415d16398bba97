import type { DuckDBConnection } from '@duckdb/node-api';
import { readUsageGroup } from '../sql/read-usage-group.ts';
import { buildUsageGroupsQuery } from '../sql/usage-groups-query.ts';
import type { UsageGroup } from '../store.ts';
import { duckDbDialect } from './duckdb-dialect.ts';

/** Priced usage in [from, to) per hour and price point and tag set, or per event, in batches. */
export async function* streamUsageGroups(
  connection: DuckDBConnection,
  from: number,
  to: number,
  grain: 'hour' | 'event',
  batchSize: number,
): AsyncIterable<UsageGroup[]> {
  const query = buildUsageGroupsQuery(from, to, grain, duckDbDialect);
  const result = await connection.stream(query.text, query.params);
  let batch: UsageGroup[] = [];
  for await (const rows of result.yieldRowObjectJs()) {
    for (const row of rows) {
      batch.push(readUsageGroup(row));
      if (batch.length >= batchSize) {
        yield batch;
        batch = [];
      }
    }
  }
  if (batch.length > 0) yield batch;
}
