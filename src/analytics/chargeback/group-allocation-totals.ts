import type { AllocationTotals, SharedScope } from '../../store/allocation-spec.ts';
import type { PoolSource } from './chargeback-statement.ts';

export interface SpendAmount {
  pico: bigint;
  events: number;
}

export interface GroupedSpend {
  /** Each team's spend outside every shared scope; teams seen only in a scope are here at 0. */
  direct: Map<string, SpendAmount>;
  /** The pool's sources in statement order: the shared scopes as configured, then untagged. */
  sources: Map<string, SpendAmount & { kind: PoolSource['kind'] }>;
}

/**
 * Files the store's sums under teams and pool sources. A shared scope wins over the team tag
 * (its spend leaves the team's direct spend); a call without a team and outside every scope is
 * untagged spend, which also joins the pool.
 */
export function groupAllocationTotals(
  totals: readonly AllocationTotals[],
  sharedScopes: readonly SharedScope[],
): GroupedSpend {
  const direct = new Map<string, SpendAmount>();
  const sources: GroupedSpend['sources'] = new Map();
  for (const shared of sharedScopes) {
    sources.set(shared.name, { pico: 0n, events: 0, kind: 'shared-scope' });
  }
  sources.set('untagged', { pico: 0n, events: 0, kind: 'untagged' });
  for (const row of totals) {
    if (row.team !== undefined && !direct.has(row.team)) {
      direct.set(row.team, { pico: 0n, events: 0 });
    }
    const amount =
      row.sharedScope !== undefined
        ? sources.get(sharedScopes[row.sharedScope]?.name ?? '')
        : row.team === undefined
          ? sources.get('untagged')
          : direct.get(row.team);
    if (!amount) continue;
    amount.pico += row.costPicoDollars;
    amount.events += row.events;
  }
  return { direct, sources };
}
