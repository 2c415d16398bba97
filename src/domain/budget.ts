import type { TagScope } from './tags.ts';

export type BudgetPeriodKind = 'day' | 'week' | 'month';

/** A spending limit: budgets[] of tokenops.yaml, or one made through the API. */
export interface Budget {
  name: string;
  scope: TagScope;
  /** Only calls made with this virtual key (by name) count. */
  virtualKey?: string;
  period: BudgetPeriodKind;
  limitUsd: number;
  /** The gateway refuses calls whose estimate would pass the limit. */
  hard: boolean;
  /** Fractions of the limit that raise an alert once per period. */
  thresholds: readonly number[];
  /** With the shared ledger unreachable: let calls through (open) or refuse them (closed). */
  onRedisDown: 'open' | 'closed';
}
