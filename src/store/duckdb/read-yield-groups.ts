import type { DuckDBConnection } from '@duckdb/node-api';
import type { YieldGroup, YieldSpec } from '../insights-spec.ts';
import { buildYieldQuery } from '../sql/yield-query.ts';
import { readYieldGroup } from '../sql/read-yield-group.ts';
import { duckDbDialect } from './duckdb-dialect.ts';

/** Runs the yield query and reads its rows as YieldGroups. */
export async function readYieldGroups(
  connection: DuckDBConnection,
  spec: YieldSpec,
): Promise<YieldGroup[]> {
  const query = buildYieldQuery(spec, duckDbDialect);
  const reader = await connection.runAndReadAll(query.text, query.params);
  return reader.getRowObjectsJS().map((row) => readYieldGroup(row, spec.dimensions));
}
