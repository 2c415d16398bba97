import type { DuckDBConnection } from '@duckdb/node-api';
import type { ReconcileSpec, ReconcileTotals } from '../reconcile-spec.ts';
import { buildReconcileQuery } from '../sql/reconcile-query.ts';
import { duckDbDialect } from './duckdb-dialect.ts';
import { textCell } from '../sql/text-cell.ts';

/** A row of the reconciliation query, with only the grouped keys present. */
export function readReconcileTotals(
  spec: ReconcileSpec,
  row: Readonly<Record<string, unknown>>,
): ReconcileTotals {
  return {
    ...(spec.by.includes('provider') ? { provider: textCell(row.provider) } : {}),
    ...(spec.by.includes('model') ? { model: textCell(row.model) } : {}),
    ...(spec.by.includes('day') ? { day: textCell(row.day) } : {}),
    invoicedCost: Number(row.invoiced_cost),
    invoicedTokens: Number(row.invoiced_tokens),
    meteredCost: Number(row.metered_cost),
    meteredTokens: Number(row.metered_tokens),
    attributedCost: Number(row.attributed_cost),
    meteredEvents: Number(row.metered_events),
  };
}

/** Invoiced against metered sums, grouped as the spec says. */
export async function queryReconcileTotals(
  connection: DuckDBConnection,
  spec: ReconcileSpec,
): Promise<ReconcileTotals[]> {
  const query = buildReconcileQuery(spec, duckDbDialect);
  const reader = await connection.runAndReadAll(query.text, query.params);
  return reader.getRowObjectsJS().map((row) => readReconcileTotals(spec, row));
}
