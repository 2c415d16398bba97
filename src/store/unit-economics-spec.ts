import type { Dimension, ReportFilter } from './report-spec.ts';

export interface UnitEconomicsSpec {
  dimension: Dimension;
  /** Epoch ms, inclusive. */
  from?: number;
  /** Epoch ms, exclusive. */
  to?: number;
  /** Only calls matching every filter; revenue joins only when each filter is on feature. */
  filters?: readonly ReportFilter[];
}

/** One group's counts and sums, before any ratio is worked out. */
export interface UnitEconomicsTotals {
  group: string;
  /** Distinct request ids (the event id when a call has none) of first attempts. */
  requests: number;
  events: number;
  cost: number;
  /** Input plus output tokens. */
  tokens: number;
  /** Requests that reported an outcome, and those whose outcome was success. */
  outcomes: number;
  successes: number;
  /** Distinct `user` tags. */
  activeUsers: number;
  /** Imported revenue of the months the range touches; null when none (or not grouped by feature). */
  revenue: number | null;
}
