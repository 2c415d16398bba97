import type { DuckDBConnection } from '@duckdb/node-api';
import type { ReconcileSpec, ReconcileTotals } from '../reconcile-spec.ts';
import { buildReconcileQuery } from '../sql/reconcile-query.ts';
import { readReconcileTotals } from '../sql/read-reconcile-totals.ts';
import { duckDbDialect } from './duckdb-dialect.ts';

/** Invoiced against metered sums, grouped as the spec says. */
export async function queryReconcileTotals(
  connection: DuckDBConnection,
  spec: ReconcileSpec,
): Promise<ReconcileTotals[]> {
  const query = buildReconcileQuery(spec, duckDbDialect);
  const reader = await connection.runAndReadAll(query.text, query.params);
  return reader.getRowObjectsJS().map((row) => readReconcileTotals(spec, row));
}
