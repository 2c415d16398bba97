import type { DuckDBConnection } from '@duckdb/node-api';
import { parsePicoDollars } from '../../domain/pico-dollars.ts';
import type { AllocationSpec, AllocationTotals } from '../allocation-spec.ts';
import { buildChargebackQuery } from '../sql/chargeback-query.ts';
import { duckDbDialect } from './duckdb-dialect.ts';
import { textCell } from '../sql/text-cell.ts';

/** Runs the chargeback query; costs arrive as decimal text and stay exact. */
export async function queryAllocationTotals(
  connection: DuckDBConnection,
  spec: AllocationSpec,
): Promise<AllocationTotals[]> {
  const query = buildChargebackQuery(spec, duckDbDialect);
  const reader = await connection.runAndReadAll(query.text, query.params);
  return reader.getRowObjectsJS().map((row) => ({
    ...(typeof row.team === 'string' ? { team: row.team } : {}),
    ...(row.shared_scope !== null && row.shared_scope !== undefined
      ? { sharedScope: Number(row.shared_scope) }
      : {}),
    events: Number(row.events),
    costPicoDollars: parsePicoDollars(textCell(row.cost)),
  }));
}
