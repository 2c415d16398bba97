import type { ChargebackMode } from './parse-chargeback-request.ts';

/** One team's line: what it spent itself, its part of the shared pool, and the sum. */
export type ChargebackLine = {
  team: string;
  mode: ChargebackMode;
  direct_cost: number;
  shared_cost: number;
  total_cost: number;
  /** The fraction of the shared pool this team carries. */
  pool_share: number;
  /** Calls counted in the team's direct spend. */
  requests: number;
};

/** Where the shared pool came from: a configured shared scope, or calls without a team. */
export type PoolSource = {
  source: string;
  kind: 'shared-scope' | 'untagged';
  cost: number;
  requests: number;
};

/** A month's statements: they add up to the month's total spend to the cent. */
export type ChargebackStatement = {
  period: string;
  mode: ChargebackMode;
  /** What the lines are: information (showback) or amounts to charge (chargeback). */
  title: string;
  /** The rule and how it was applied, e.g. "proportional to direct spend". */
  split: string;
  total_cost: number;
  direct_cost: number;
  pool_cost: number;
  pool: PoolSource[];
  lines: ChargebackLine[];
};

/** The line that holds the pool when no team can take it (a month of untagged calls only). */
export const UNALLOCATED = '(unallocated)';
