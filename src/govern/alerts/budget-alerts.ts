import { formatUsd } from '../budgets/format-usd.ts';
import type { Alert, AlertSeverity } from '../../domain/alert.ts';
import type { BudgetBalance } from '../budgets/budget-spend.ts';
import { describe } from '../policies/check-policies.ts';

/**
 * One alert per budget for the highest threshold its spend has reached this period. Keys name
 * the budget, the period and the threshold, so each crossing alerts once; thresholds passed
 * over in one jump are not announced one by one.
 */
export function budgetThresholdAlerts(
  balances: readonly BudgetBalance[],
  now: number,
  linkBase: string | undefined,
): Alert[] {
  const alerts: Alert[] = [];
  for (const { budget, window, spentUsd } of balances) {
    const share = spentUsd / budget.limitUsd;
    const reached = budget.thresholds.filter((threshold) => share >= threshold);
    if (reached.length === 0) continue;
    const threshold = Math.max(...reached);
    const period = new Date(window.start).toISOString().slice(0, 10);
    const percent = Math.round(threshold * 100);
    alerts.push({
      key: `budget:${budget.name}:${period}:${threshold}`,
      kind: 'budget_threshold',
      severity: severityOf(threshold),
      createdAt: now,
      title: `Budget "${budget.name}" reached ${percent} %`,
      text: `${formatUsd(spentUsd)} of ${formatUsd(budget.limitUsd)} spent this ${budget.period}${describe(budget.scope)} (${Math.round(share * 100)} %); it resets at ${new Date(window.end).toISOString()}${budget.hard ? ', and the gateway refuses calls past the limit' : ''}.`,
      scope: budget.virtualKey ? { ...budget.scope, virtual_key: budget.virtualKey } : budget.scope,
      ...(linkBase ? { link: `${linkBase}/api/v1/budgets` } : {}),
      data: {
        budget: budget.name,
        period: budget.period,
        period_start: new Date(window.start).toISOString(),
        resets_at: new Date(window.end).toISOString(),
        threshold,
        limit_usd: budget.limitUsd,
        spent_usd: spentUsd,
        hard: budget.hard,
      },
    });
  }
  return alerts;
}

function severityOf(threshold: number): AlertSeverity {
  if (threshold >= 1) return 'critical';
  return threshold >= 0.8 ? 'warning' : 'info';
}
