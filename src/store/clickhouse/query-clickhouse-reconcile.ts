import type { ReconcileSpec, ReconcileTotals } from '../reconcile-spec.ts';
import { buildReconcileQuery } from '../sql/reconcile-query.ts';
import { readReconcileTotals } from '../sql/read-reconcile-totals.ts';
import { clickHouseDialect } from './clickhouse-dialect.ts';
import type { ClickHouseConnection } from './clickhouse-connection.ts';

/** Invoiced against metered sums through the shared builder (billing_lines read FINAL). */
export async function queryClickHouseReconcile(
  connection: ClickHouseConnection,
  spec: ReconcileSpec,
): Promise<ReconcileTotals[]> {
  const rows = await connection.rows(buildReconcileQuery(spec, clickHouseDialect));
  return rows.map((row) => readReconcileTotals(spec, row));
}
