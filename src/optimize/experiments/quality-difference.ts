import type { ExperimentVariantTotals } from '../../store/experiment-spec.ts';
import type { Interval } from './interval.ts';
import { meanDifference, meanInterval } from './mean-interval.ts';
import { proportionDifference, wilsonInterval } from './wilson-interval.ts';

/** What an experiment's quality is measured by: outcomes when any are reported, else scores. */
export type QualityMetric = 'success_rate' | 'mean_score';

/**
 * How much worse a variant may be and still count as good as the control: 2 points of success
 * rate, or 2 % of the control's mean score (scores have no common scale).
 */
const NON_INFERIORITY_MARGIN = 0.02;

/** The metric the variants are compared on; null while nothing reported an outcome or score. */
export function qualityMetric(totals: readonly ExperimentVariantTotals[]): QualityMetric | null {
  if (totals.some((variant) => variant.outcomes > 0)) return 'success_rate';
  if (totals.some((variant) => variant.scores > 0)) return 'mean_score';
  return null;
}

/** Outcomes (or scores) the metric counts for a variant. */
export function sampleSize(metric: QualityMetric, totals: ExperimentVariantTotals): number {
  return metric === 'success_rate' ? totals.outcomes : totals.scores;
}

export function qualityInterval(
  metric: QualityMetric,
  totals: ExperimentVariantTotals,
): Interval | null {
  return metric === 'success_rate'
    ? wilsonInterval(totals.successes, totals.outcomes)
    : meanInterval(scoreSample(totals));
}

/** The margin in the metric's own units (see NON_INFERIORITY_MARGIN). */
export function marginOf(metric: QualityMetric, control: ExperimentVariantTotals): number {
  if (metric === 'success_rate') return NON_INFERIORITY_MARGIN;
  return control.scores > 0
    ? NON_INFERIORITY_MARGIN * Math.abs(control.scoreSum / control.scores)
    : 0;
}

/**
 * Variant minus control, with its 95 % interval, as it is (`scale` 1) or as it would be with
 * `scale` times the outcomes at the same rates (to estimate how many more would decide).
 */
export function qualityDifference(
  metric: QualityMetric,
  variant: ExperimentVariantTotals,
  control: ExperimentVariantTotals,
  scale = 1,
): Interval | null {
  if (metric === 'mean_score') {
    return meanDifference(scoreSample(variant), scoreSample(control), scale);
  }
  const scaled = (totals: ExperimentVariantTotals) => ({
    successes: totals.successes * scale,
    trials: totals.outcomes * scale,
  });
  return proportionDifference(scaled(variant), scaled(control));
}

function scoreSample(totals: ExperimentVariantTotals) {
  return { count: totals.scores, sum: totals.scoreSum, squareSum: totals.scoreSquareSum };
}
