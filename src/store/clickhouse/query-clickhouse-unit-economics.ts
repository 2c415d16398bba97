import { readUnitEconomicsTotals } from '../sql/read-unit-economics-totals.ts';
import { buildUnitEconomicsQuery } from '../sql/unit-economics-query.ts';
import type { UnitEconomicsSpec, UnitEconomicsTotals } from '../unit-economics-spec.ts';
import { clickHouseDialect } from './clickhouse-dialect.ts';
import type { ClickHouseConnection } from './clickhouse-connection.ts';

/** Counts and sums per group for unit economics, through the shared builder. */
export async function queryClickHouseUnitEconomics(
  connection: ClickHouseConnection,
  spec: UnitEconomicsSpec,
): Promise<UnitEconomicsTotals[]> {
  const rows = await connection.rows(buildUnitEconomicsQuery(spec, clickHouseDialect));
  return rows.map(readUnitEconomicsTotals);
}
