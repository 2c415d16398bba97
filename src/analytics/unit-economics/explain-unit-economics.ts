import { toStoredPrecision } from '../../domain/money.ts';
import type { UnitEconomicsTotals } from '../../store/unit-economics-spec.ts';

/** One group's unit economics; a ratio whose denominator is 0 is null, never 0 or Infinity. */
export type UnitEconomicsRow = {
  [dimension: string]: string | number | null;
  requests: number;
  cost: number;
  cost_per_request: number | null;
  /** Successful requests over requests that reported an outcome. */
  success_rate: number | null;
  /** All cost (retries and failures included) over successful requests. */
  cost_per_success: number | null;
  active_users: number;
  cost_per_active_user: number | null;
  tokens_per_active_user: number | null;
  revenue: number | null;
  /** Cost over revenue: 0.25 means a quarter of the revenue goes to tokens. */
  cost_share_of_revenue: number | null;
};

export function explainUnitEconomics(
  dimension: string,
  totals: UnitEconomicsTotals,
): UnitEconomicsRow {
  const money = (amount: number, over: number) =>
    over > 0 ? toStoredPrecision(amount / over) : null;
  const rate = (part: number, over: number) =>
    over > 0 ? Math.round((part / over) * 1e6) / 1e6 : null;
  return {
    [dimension]: totals.group,
    requests: totals.requests,
    cost: toStoredPrecision(totals.cost),
    cost_per_request: money(totals.cost, totals.requests),
    success_rate: rate(totals.successes, totals.outcomes),
    cost_per_success: money(totals.cost, totals.successes),
    active_users: totals.activeUsers,
    cost_per_active_user: money(totals.cost, totals.activeUsers),
    tokens_per_active_user:
      totals.activeUsers > 0 ? Math.round((totals.tokens / totals.activeUsers) * 100) / 100 : null,
    revenue: totals.revenue === null ? null : toStoredPrecision(totals.revenue),
    cost_share_of_revenue: totals.revenue === null ? null : rate(totals.cost, totals.revenue),
  };
}
