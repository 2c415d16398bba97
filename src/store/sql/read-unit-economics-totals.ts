import type { UnitEconomicsTotals } from '../unit-economics-spec.ts';
import { textCell } from './text-cell.ts';

/** A row of the unit-economics query as UnitEconomicsTotals. */
export function readUnitEconomicsTotals(
  row: Readonly<Record<string, unknown>>,
): UnitEconomicsTotals {
  return {
    group: textCell(row.grouped),
    requests: Number(row.requests),
    events: Number(row.events),
    cost: Number(row.cost),
    tokens: Number(row.tokens ?? 0),
    outcomes: Number(row.outcomes),
    successes: Number(row.successes),
    activeUsers: Number(row.active_users),
    revenue: row.revenue === null || row.revenue === undefined ? null : Number(row.revenue),
  };
}
