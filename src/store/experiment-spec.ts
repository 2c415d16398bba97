import type { ReportFilter } from './report-spec.ts';

/** Which calls `Store.experimentTotals` sums: those tagged `experiment` = `experiment`. */
export interface ExperimentSpec {
  /** The split rule's name, recorded by the gateway as the free tag `experiment`. */
  experiment: string;
  /** Epoch ms, inclusive. */
  from?: number;
  /** Epoch ms, exclusive. */
  to?: number;
  /** Only calls matching every filter (a team token adds its team). */
  filters?: readonly ReportFilter[];
}

/** One variant's counts and sums (free tag `variant`), before any statistic is worked out. */
export interface ExperimentVariantTotals {
  /** `(unattributed)` for calls of the experiment without a variant tag. */
  variant: string;
  /** First attempts: a retry is the same request again (its cost stays in `cost`). */
  requests: number;
  events: number;
  /** Effective USD of every event, retries and failures included. */
  cost: number;
  /** Events nothing could price: their cost is missing from `cost`. */
  unpriced: number;
  /** Events that reported an outcome, and those whose outcome was success. */
  outcomes: number;
  successes: number;
  /** Events that reported a score, with the sum of the scores and of their squares. */
  scores: number;
  scoreSum: number;
  scoreSquareSum: number;
}
