import { parsePicoDollars } from '../../domain/pico-dollars.ts';
import type { AllocationSpec, AllocationTotals } from '../allocation-spec.ts';
import { buildChargebackQuery } from '../sql/chargeback-query.ts';
import { textCell } from '../sql/text-cell.ts';
import { clickHouseDialect } from './clickhouse-dialect.ts';
import type { ClickHouseConnection } from './clickhouse-connection.ts';

/** Spend per team and shared scope through the shared chargeback builder; costs stay exact text. */
export async function queryClickHouseAllocationTotals(
  connection: ClickHouseConnection,
  spec: AllocationSpec,
): Promise<AllocationTotals[]> {
  const rows = await connection.rows(buildChargebackQuery(spec, clickHouseDialect));
  return rows.map((row) => ({
    ...(typeof row.team === 'string' ? { team: row.team } : {}),
    ...(row.shared_scope !== null && row.shared_scope !== undefined
      ? { sharedScope: Number(row.shared_scope) }
      : {}),
    events: Number(row.events),
    costPicoDollars: parsePicoDollars(textCell(row.cost)),
  }));
}
