import type { Budget } from '../domain/budget.ts';

/**
 * A soft monthly budget per team, a little above what the team spent over the demo's last
 * 30 days, so `tokenops budgets`, the alerts and the dashboard have something true to show.
 * Named `demo-…`: made through the store like API budgets, and replaced on the next demo.
 */
export function demoBudgets(monthlySpendByTeam: ReadonlyMap<string, number>): Budget[] {
  return [...monthlySpendByTeam]
    .filter(([, spend]) => spend > 0)
    .map(([team, spend]) => ({
      name: `demo-${team}-monthly`,
      scope: { team },
      period: 'month',
      limitUsd: Math.ceil((spend * 1.1) / 10) * 10,
      hard: false,
      thresholds: [0.5, 0.8, 1],
      onRedisDown: 'open',
    }));
}
