import type { DetectorTuning } from './detector-tuning.ts';
import type { Baseline } from './seasonal-baseline.ts';

/** An hour's value and its baseline on the log scale the scores are taken on. */
export interface HourJudgement {
  observed: number;
  /** The baseline of log(value + offset) (seasonal-baseline.ts). */
  baseline: Baseline;
  /** The scope's typical spread of log values around their baselines. */
  pooledSpread: number;
  /** Added before taking logs: a share of the scope's mean hour, so zeros stay finite. */
  offset: number;
  /** The scope's mean hour for the metric: the yardstick of a material change. */
  typical: number;
  /** Calls (for active users: users) the hour is expected to have. */
  expectedCount: number;
}

export interface HourScore {
  expected: number;
  score: number;
  anomalous: boolean;
}

/**
 * How far above its baseline an hour is, in robust standard deviations of log values (hourly
 * spend is a sum of skewed call costs: its noise is multiplicative), and whether that makes
 * it a spike (detector-tuning.ts). Drops are not spikes: the score is 0 below expected.
 */
export function scoreHour(hour: HourJudgement, tuning: DetectorTuning): HourScore {
  const expected = Math.max(0, Math.exp(hour.baseline.expected) - hour.offset);
  // Thirteen samples can agree closely by chance: the scope's usual spread is a floor, and so
  // is the noise of counting few events (a Poisson count n varies by about 1/√n in log terms).
  const spread = Math.max(
    hour.baseline.spread,
    tuning.pooledShare * hour.pooledSpread,
    tuning.countNoise / Math.sqrt(hour.expectedCount + 1),
    tuning.minSpread,
  );
  const score = Math.max(
    0,
    (Math.log(hour.observed + hour.offset) - hour.baseline.expected) / spread,
  );
  const anomalous =
    score >= tuning.threshold &&
    hour.observed >= tuning.minRatio * expected &&
    hour.observed - expected >= tuning.materiality * hour.typical;
  return { expected, score, anomalous };
}
