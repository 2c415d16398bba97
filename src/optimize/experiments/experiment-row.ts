import type { QualityMetric } from './quality-difference.ts';
import type { Verdict } from './judge-variant.ts';

/** One variant of `tokenops experiments show`; a ratio without a denominator is null. */
export type ExperimentRow = {
  experiment: string;
  variant: string;
  role: 'control' | 'variant';
  /** First attempts. */
  requests: number;
  /** Every call, retries included. */
  events: number;
  /** Effective USD of every call, retries and failures included. */
  cost: number;
  /** Calls nothing could price (their cost is missing). */
  unpriced: number;
  outcomes: number;
  successes: number;
  /** Successes over outcomes, with its Wilson 95 % interval. */
  success_rate: number | null;
  success_rate_lower: number | null;
  success_rate_upper: number | null;
  scores: number;
  /** Mean score with its t 95 % interval. */
  mean_score: number | null;
  mean_score_lower: number | null;
  mean_score_upper: number | null;
  /** Cost over successes (over the sum of scores when scores are the metric). */
  cost_per_good_outcome: number | null;
  /** What the verdicts compare: success_rate, else mean_score; null with neither. */
  metric: QualityMetric | null;
  /** Variant − control in the metric's units, with its 95 % interval (null on the control). */
  difference: number | null;
  difference_lower: number | null;
  difference_upper: number | null;
  margin: number | null;
  /** Null on the control row. */
  verdict: Verdict | null;
  outcomes_needed: number | null;
  reason: string;
};
