import type { ReconcileSpec, ReconcileTotals } from '../reconcile-spec.ts';
import { textCell } from './text-cell.ts';

/** A row of the reconciliation query, with only the grouped keys present (counts may be text). */
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
