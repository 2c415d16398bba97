import type { Store } from '../../store/store.ts';
import { budgetRunOut } from '../forecasts/budget-run-out.ts';
import { forecastPeriodEnd } from '../forecasts/forecast-period-end.ts';
import type { Ledger } from '../ledger/ledger.ts';
import type { Budget } from './budget.ts';
import { budgetFilters, syncBudgetSpend, type BudgetBalance } from './budget-spend.ts';

/** A row of `tokenops budgets` and GET /api/v1/budgets. */
export type BudgetStatus = {
  name: string;
  scope: Record<string, string>;
  virtual_key: string | null;
  period: Budget['period'];
  period_start: string;
  resets_at: string;
  limit_usd: number;
  spent_usd: number;
  /** Held by calls in flight (gateways with a shared ledger only). */
  reserved_usd: number;
  share_used: number;
  hard: boolean;
  /** Expected spend at the period's end, with an 80 % interval; null with under 3 days of history. */
  forecast_usd: number | null;
  forecast_lower_usd: number | null;
  forecast_upper_usd: number | null;
  /** The day expected spend reaches the limit within this period, or null. */
  runs_out_on: string | null;
};

const HISTORY_DAYS = 56;
const DAY_MS = 86_400_000;

/** Spend, share used and forecast per budget, as of `now`. */
export async function budgetStatuses(
  store: Store,
  ledger: Ledger | undefined,
  budgets: readonly Budget[],
  now: number,
): Promise<BudgetStatus[]> {
  const balances = await syncBudgetSpend(store, ledger, budgets, now);
  return Promise.all(balances.map((balance) => statusOf(store, balance, now)));
}

async function statusOf(store: Store, balance: BudgetBalance, now: number): Promise<BudgetStatus> {
  const { budget, window, spentUsd } = balance;
  const rows = await store.report({
    dimensions: [],
    metric: 'cost',
    grain: 'day',
    from: window.start - HISTORY_DAYS * DAY_MS,
    to: now + 1,
    filters: budgetFilters(budget),
  });
  const forecast = forecastPeriodEnd({
    dailySpend: rows.map((row) => ({ day: String(row.period), cost: row.cost })),
    periodStart: window.start,
    periodEnd: window.end,
    now,
  });
  // The forecast counts what the store holds; the ledger may know of calls it has not seen yet.
  const ahead = spentUsd - forecast.spentToDate;
  const shift = (value: number | null) => (value === null ? null : value + ahead);
  return {
    name: budget.name,
    scope: { ...budget.scope },
    virtual_key: budget.virtualKey ?? null,
    period: budget.period,
    period_start: new Date(window.start).toISOString(),
    resets_at: new Date(window.end).toISOString(),
    limit_usd: budget.limitUsd,
    spent_usd: spentUsd,
    reserved_usd: balance.reservedUsd,
    share_used: spentUsd / budget.limitUsd,
    hard: budget.hard,
    forecast_usd: shift(forecast.forecastTotal),
    forecast_lower_usd: shift(forecast.lower),
    forecast_upper_usd: shift(forecast.upper),
    runs_out_on:
      forecast.forecastTotal === null
        ? null
        : budgetRunOut({ spentToDate: spentUsd, daily: forecast.daily, limit: budget.limitUsd }),
  };
}
