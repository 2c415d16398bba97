import { ValidationError } from '../domain/errors/index.ts';
import { toStoredPrecision } from '../domain/money.ts';
import {
  RECONCILE_KEYS,
  type ReconcileKey,
  type ReconcileSpec,
  type ReconcileTotals,
} from '../store/reconcile-spec.ts';
import { parseTimeRange } from './parse-time-range.ts';

/** One reconciliation line: what was invoiced, what tokenops metered, and why they differ. */
export type ReconciliationRow = {
  provider?: string;
  model?: string;
  day?: string;
  invoiced_cost: number;
  metered_cost: number;
  gap: number;
  invoiced_tokens: number;
  metered_tokens: number;
  /** Cost of the tokens the bill counts and tokenops never saw, at the bill's own rate. */
  bypass_cost: number;
  /** The rest of the gap: the same tokens priced differently (discounts, credits, rates). */
  price_difference: number;
  /** Metered spend without a team tag. */
  untagged_cost: number;
  attributed_cost: number;
  /** Attributed metered spend as a share of the invoice (null when nothing was invoiced). */
  attributed_share: number | null;
  explanation: string;
};

export function parseReconcileRequest(request: {
  from?: string;
  to?: string;
  by?: string;
}): ReconcileSpec {
  const range = parseTimeRange(request.from, request.to);
  if (range.from === undefined || range.to === undefined) {
    throw new ValidationError(
      'invalid reconciliation',
      [{ field: range.from === undefined ? 'from' : 'to', reason: 'is required' }],
      'pass --from and --to, e.g. --from 2026-03-01 --to 2026-03-31',
    );
  }
  const by = (request.by ?? 'provider,model,day')
    .split(',')
    .map((key) => key.trim())
    .filter((key) => key !== '');
  for (const key of by) {
    if (!(RECONCILE_KEYS as readonly string[]).includes(key)) {
      throw new ValidationError(
        'invalid reconciliation',
        [{ field: 'by', reason: `"${key}" is not one of ${RECONCILE_KEYS.join(', ')}` }],
        'use --by provider,model,day or a part of it',
      );
    }
  }
  return { from: range.from, to: range.to, by: by as ReconcileKey[] };
}

/**
 * Splits the gap between bill and metering into bypass (tokens on the bill that never went
 * through tokenops, valued at the bill's average rate) and price difference (the rest), and
 * reports how much of the bill is attributed to a team.
 */
export function explainReconciliation(totals: ReconcileTotals): ReconciliationRow {
  const gap = totals.invoicedCost - totals.meteredCost;
  const missingTokens = Math.max(0, totals.invoicedTokens - totals.meteredTokens);
  const billRate = totals.invoicedTokens > 0 ? totals.invoicedCost / totals.invoicedTokens : 0;
  const bypass = totals.invoicedCost > 0 ? missingTokens * billRate : 0;
  const priceDifference = totals.invoicedCost > 0 ? gap - bypass : 0;
  const untagged = totals.meteredCost - totals.attributedCost;
  return {
    ...(totals.provider !== undefined ? { provider: totals.provider } : {}),
    ...(totals.model !== undefined ? { model: totals.model } : {}),
    ...(totals.day !== undefined ? { day: totals.day } : {}),
    invoiced_cost: toStoredPrecision(totals.invoicedCost),
    metered_cost: toStoredPrecision(totals.meteredCost),
    gap: toStoredPrecision(gap),
    invoiced_tokens: totals.invoicedTokens,
    metered_tokens: totals.meteredTokens,
    bypass_cost: toStoredPrecision(bypass),
    price_difference: toStoredPrecision(priceDifference),
    untagged_cost: toStoredPrecision(untagged),
    attributed_cost: toStoredPrecision(totals.attributedCost),
    attributed_share:
      totals.invoicedCost > 0
        ? Math.round((totals.attributedCost / totals.invoicedCost) * 1e6) / 1e6
        : null,
    explanation: explain(totals, bypass, gap - bypass, untagged),
  };
}

function explain(
  totals: ReconcileTotals,
  bypass: number,
  priceDifference: number,
  untagged: number,
): string {
  if (totals.invoicedCost === 0 && totals.invoicedTokens === 0)
    return 'metered only: no bill imported for this group';
  if (totals.meteredEvents === 0)
    return 'on the bill only: every call bypassed tokenops (or its events were not ingested)';
  if (totals.invoicedCost === 0)
    return 'usage export only: import the cost export to compare money';
  const parts: string[] = [];
  const cents = (amount: number) => `$${Math.abs(amount).toFixed(2)}`;
  if (bypass >= 0.005)
    parts.push(
      `${cents(bypass)} of calls that bypassed tokenops (${Math.round(totals.invoicedTokens - totals.meteredTokens).toLocaleString('en-US')} tokens)`,
    );
  if (Math.abs(priceDifference) >= 0.005)
    parts.push(
      `${cents(priceDifference)} ${priceDifference > 0 ? 'billed above' : 'billed below'} metered prices`,
    );
  if (untagged >= 0.005) parts.push(`${cents(untagged)} metered but untagged`);
  return parts.length > 0 ? parts.join('; ') : 'matches to the cent';
}
