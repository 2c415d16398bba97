import { formatUsd } from './format-usd.ts';
import { describe } from '../policies/check-policies.ts';
import type { LedgerBalance } from '../ledger/ledger.ts';
import type { GovernRefusal } from '../governed-call.ts';
import { NANO_PER_USD, type Budget } from './budget.ts';
import type { PeriodWindow } from './budget-period.ts';

/** 429 naming the budget, its spend and when it resets. */
export function budgetRefusal(
  budget: Budget,
  window: PeriodWindow,
  balance: LedgerBalance,
  estimateNano: number,
  now: number,
): GovernRefusal {
  const spent = balance.spent / NANO_PER_USD;
  const reserved = balance.reserved / NANO_PER_USD;
  const estimate = estimateNano / NANO_PER_USD;
  const resetsAt = new Date(window.end).toISOString();
  const inFlight = reserved > 0 ? ` (plus ${formatUsd(reserved)} held by calls in flight)` : '';
  return {
    status: 429,
    type: 'budget_exceeded',
    message: `budget "${budget.name}"${describe(budget.scope)} has spent ${formatUsd(spent)} of ${formatUsd(budget.limitUsd)} this ${budget.period}${inFlight}; this call's estimated ${formatUsd(estimate)} would pass it. It resets at ${resetsAt}`,
    fix: `wait for the reset, lower max_tokens, or raise budgets "${budget.name}" limitUsd in tokenops.yaml`,
    retryAfterSeconds: Math.max(1, Math.ceil((window.end - now) / 1000)),
    details: {
      budget: budget.name,
      scope: budget.scope,
      period: budget.period,
      limit_usd: budget.limitUsd,
      spent_usd: spent,
      reserved_usd: reserved,
      estimate_usd: estimate,
      resets_at: resetsAt,
    },
  };
}
