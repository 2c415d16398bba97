import type { Budget } from '../../domain/budget.ts';

export type { Budget } from '../../domain/budget.ts';

/** Counters hold whole nano-dollars: exact integers in Redis, and below any token's price. */
export const NANO_PER_USD = 1e9;

export function budgetLedgerKey(budget: Budget, periodStart: number): string {
  return `budget:${budget.name}:${new Date(periodStart).toISOString()}`;
}

/** The free tag the gateway puts on calls made with a virtual key, naming the key. */
export const VIRTUAL_KEY_TAG = 'virtual_key';
