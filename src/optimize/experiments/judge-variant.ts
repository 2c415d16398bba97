import type { ExperimentVariantTotals } from '../../store/experiment-spec.ts';
import type { Interval } from './interval.ts';
import {
  marginOf,
  qualityDifference,
  sampleSize,
  type QualityMetric,
} from './quality-difference.ts';
import { describeDifference, formatMoney, formatQuality } from './describe-quality.ts';

export type Verdict = 'safe to switch' | 'not yet known' | 'worse';

export interface Judgement {
  verdict: Verdict;
  /** Variant − control in the metric's units, with its 95 % interval. */
  difference: Interval | null;
  /** How much worse still counts as as good, in the metric's units. */
  margin: number | null;
  /** More outcomes (both variants together) that would likely decide; null when not estimable. */
  outcomesNeeded: number | null;
  reason: string;
}

export interface VariantFigures {
  totals: ExperimentVariantTotals;
  /** Null when it had no good outcome: an endless cost per good outcome. */
  costPerGoodOutcome: number | null;
}

/** The projection gives up past this many times the outcomes so far. */
const MAX_SCALE = 10_000;

/**
 * A variant against the control (docs/experiments.md): safe to switch when its quality is
 * shown to be no worse than the margin (the lower end of the difference's 95 % interval above
 * −margin) and it costs less per good outcome; worse when it costs more per good outcome for
 * that quality, or when its quality is significantly lower (the whole interval below 0) and
 * not shown within the margin; otherwise not yet known.
 */
export function judgeVariant(
  metric: QualityMetric | null,
  variant: VariantFigures,
  control: VariantFigures,
): Judgement {
  const unknown = (reason: string) => ({
    verdict: 'not yet known' as const,
    difference: null,
    margin: null,
    outcomesNeeded: null,
    reason,
  });
  if (metric === null) {
    return unknown(
      'no outcomes or scores reported yet: POST them to /api/v1/feedback with each call’s x-tokenops-request-id',
    );
  }
  const margin = marginOf(metric, control.totals);
  const difference = qualityDifference(metric, variant.totals, control.totals);
  if (difference === null) {
    const least = metric === 'success_rate' ? 'an outcome' : 'two scores';
    return unknown(`each variant needs at least ${least} to compare`);
  }
  const judged = { difference, margin };
  const compared = describeDifference(metric, difference);
  if (difference.lower > -margin) {
    const unpriced = variant.totals.unpriced + control.totals.unpriced;
    if (unpriced > 0) {
      return {
        ...unknown(
          `${compared}, within the margin, but ${unpriced} call(s) could not be priced, so the cost per good outcome is not known: see tokenops prices unpriced`,
        ),
        ...judged,
      };
    }
    const costs = `${formatMoney(variant.costPerGoodOutcome)} per good outcome against ${formatMoney(control.costPerGoodOutcome)}`;
    const cheaper =
      variant.costPerGoodOutcome !== null &&
      (control.costPerGoodOutcome === null ||
        variant.costPerGoodOutcome < control.costPerGoodOutcome);
    const within = `${compared}, within the margin of ${formatQuality(metric, margin)}`;
    return {
      verdict: cheaper ? 'safe to switch' : 'worse',
      ...judged,
      outcomesNeeded: null,
      reason: cheaper ? `${within}; ${costs}` : `${within}, but ${costs}: no saving`,
    };
  }
  if (difference.upper < 0) {
    return {
      verdict: 'worse',
      ...judged,
      outcomesNeeded: null,
      reason: `${compared}: significantly lower, and not shown to be within the margin of ${formatQuality(metric, margin)}`,
    };
  }
  const needed = outcomesNeeded(metric, variant.totals, control.totals, margin);
  const estimate =
    needed === null
      ? 'no practical number of outcomes would decide at these rates'
      : `about ${needed} more outcome(s) at these rates would decide`;
  return {
    verdict: 'not yet known',
    ...judged,
    outcomesNeeded: needed,
    reason: `${compared} does not yet rule out a loss beyond the margin of ${formatQuality(metric, margin)}; ${estimate}`,
  };
}

/**
 * More outcomes, in the split's proportions, after which the interval would decide (its lower
 * end above −margin or its upper end below 0) if the rates seen so far held: the smallest
 * multiple of the counts that decides, found by bisection (the interval narrows as counts
 * grow, so "decided" only turns on once).
 */
function outcomesNeeded(
  metric: QualityMetric,
  variant: ExperimentVariantTotals,
  control: ExperimentVariantTotals,
  margin: number,
): number | null {
  const decided = (scale: number) => {
    const difference = qualityDifference(metric, variant, control, scale);
    return difference !== null && (difference.lower > -margin || difference.upper < 0);
  };
  let high = 2;
  while (!decided(high)) {
    high *= 2;
    if (high > MAX_SCALE) return null;
  }
  let low = high / 2;
  for (let step = 0; step < 40; step += 1) {
    const middle = (low + high) / 2;
    if (decided(middle)) high = middle;
    else low = middle;
  }
  const more = (totals: ExperimentVariantTotals) => {
    const count = sampleSize(metric, totals);
    return Math.ceil(count * high - 1e-9) - count;
  };
  return more(variant) + more(control);
}
