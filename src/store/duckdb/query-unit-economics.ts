import type { DuckDBConnection } from '@duckdb/node-api';
import type { UnitEconomicsSpec, UnitEconomicsTotals } from '../unit-economics-spec.ts';
import { buildUnitEconomicsQuery } from '../sql/unit-economics-query.ts';
import { duckDbDialect } from './duckdb-dialect.ts';
import { textCell } from './text-cell.ts';

export async function queryUnitEconomics(
  connection: DuckDBConnection,
  spec: UnitEconomicsSpec,
): Promise<UnitEconomicsTotals[]> {
  const query = buildUnitEconomicsQuery(spec, duckDbDialect);
  const reader = await connection.runAndReadAll(query.text, query.params);
  return reader.getRowObjectsJS().map((row) => ({
    group: textCell(row.grouped),
    requests: Number(row.requests),
    events: Number(row.events),
    cost: Number(row.cost),
    tokens: Number(row.tokens ?? 0),
    outcomes: Number(row.outcomes),
    successes: Number(row.successes),
    activeUsers: Number(row.active_users),
    revenue: row.revenue === null || row.revenue === undefined ? null : Number(row.revenue),
  }));
}
