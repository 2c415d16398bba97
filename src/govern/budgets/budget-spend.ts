import { isTagKey } from '../../domain/tags.ts';
import type { Store } from '../../store/store.ts';
import type { ReportFilter } from '../../store/report-spec.ts';
import type { Ledger, LedgerBalance } from '../ledger/ledger.ts';
import { budgetLedgerKey, NANO_PER_USD, VIRTUAL_KEY_TAG, type Budget } from './budget.ts';
import { budgetPeriod, type PeriodWindow } from './budget-period.ts';

const DAY_MS = 86_400_000;

/** The report filters that select a budget's calls. */
export function budgetFilters(budget: Budget): ReportFilter[] {
  const scope = Object.entries(budget.scope).map(([key, value]): ReportFilter => ({
    dimension: isTagKey(key) ? key : `tag:${key}`,
    value,
  }));
  return budget.virtualKey === undefined
    ? scope
    : [...scope, { dimension: `tag:${VIRTUAL_KEY_TAG}`, value: budget.virtualKey }];
}

/** Effective USD the store holds for a budget's calls in [from, to). */
export async function storedBudgetSpend(
  store: Store,
  budget: Budget,
  from: number,
  to: number,
): Promise<number> {
  const [row] = await store.report({
    dimensions: [],
    metric: 'cost',
    grain: 'none',
    from,
    to,
    filters: budgetFilters(budget),
  });
  return row?.cost ?? 0;
}

export interface BudgetBalance {
  budget: Budget;
  window: PeriodWindow;
  /** USD: the larger of what the store holds and what the gateways settled. */
  spentUsd: number;
  /** USD held by calls in flight. */
  reservedUsd: number;
}

/**
 * Each budget's spend this period. The store sees every door (SDK, OTLP, imports) but lags the
 * spool; the ledger sees gateway calls at once. Lifting the ledger to the store's figure keeps
 * the larger of the two, so enforcement counts spend from every door without counting twice.
 */
export async function syncBudgetSpend(
  store: Store,
  ledger: Ledger | undefined,
  budgets: readonly Budget[],
  now: number,
): Promise<BudgetBalance[]> {
  const windows = budgets.map((budget) => budgetPeriod(budget.period, now));
  const stored = await Promise.all(
    budgets.map((budget, index) =>
      storedBudgetSpend(store, budget, windows[index]?.start ?? now, now + 1),
    ),
  );
  const keys = budgets.map((budget, index) => budgetLedgerKey(budget, windows[index]?.start ?? 0));
  let balances = new Map<string, LedgerBalance>();
  if (ledger) {
    await Promise.all(
      keys.map((key, index) =>
        ledger.raiseSpent(
          key,
          Math.round((stored[index] ?? 0) * NANO_PER_USD),
          (windows[index]?.end ?? now) - now + DAY_MS,
        ),
      ),
    );
    balances = await ledger.read(keys);
  }
  return budgets.map((budget, index) => {
    const balance = balances.get(keys[index] ?? '');
    const storedUsd = stored[index] ?? 0;
    return {
      budget,
      window: windows[index] ?? { start: now, end: now },
      spentUsd: Math.max(storedUsd, (balance?.spent ?? 0) / NANO_PER_USD),
      reservedUsd: (balance?.reserved ?? 0) / NANO_PER_USD,
    };
  });
}
