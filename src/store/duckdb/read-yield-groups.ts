import type { DuckDBConnection } from '@duckdb/node-api';
import type { YieldGroup, YieldSpec } from '../insights-spec.ts';
import { buildYieldQuery } from '../sql/yield-query.ts';
import { duckDbDialect } from './duckdb-dialect.ts';
import { readGroupKeys } from '../sql/read-group-keys.ts';

/** Runs the yield query and reads its rows as YieldGroups. */
export async function readYieldGroups(
  connection: DuckDBConnection,
  spec: YieldSpec,
): Promise<YieldGroup[]> {
  const query = buildYieldQuery(spec, duckDbDialect);
  const reader = await connection.runAndReadAll(query.text, query.params);
  return reader.getRowObjectsJS().map((row) => ({
    keys: readGroupKeys(row, spec.dimensions),
    calls: Number(row.calls),
    tokens: Number(row.tokens ?? 0),
    successTokens: Number(row.success_tokens ?? 0),
    failureTokens: Number(row.failure_tokens ?? 0),
    noOutcomeTokens: Number(row.no_outcome_tokens ?? 0),
    goodputTokens: Number(row.goodput_tokens ?? 0),
  }));
}
