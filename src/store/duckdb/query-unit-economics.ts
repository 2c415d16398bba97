import type { DuckDBConnection } from '@duckdb/node-api';
import type { UnitEconomicsSpec, UnitEconomicsTotals } from '../unit-economics-spec.ts';
import { buildUnitEconomicsQuery } from '../sql/unit-economics-query.ts';
import { readUnitEconomicsTotals } from '../sql/read-unit-economics-totals.ts';
import { duckDbDialect } from './duckdb-dialect.ts';

export async function queryUnitEconomics(
  connection: DuckDBConnection,
  spec: UnitEconomicsSpec,
): Promise<UnitEconomicsTotals[]> {
  const query = buildUnitEconomicsQuery(spec, duckDbDialect);
  const reader = await connection.runAndReadAll(query.text, query.params);
  return reader.getRowObjectsJS().map(readUnitEconomicsTotals);
}
