import { toStoredPrecision } from '../../domain/money.ts';
import type { ExperimentVariantTotals } from '../../store/experiment-spec.ts';
import type { ExperimentRow } from './experiment-row.ts';
import type { Interval } from './interval.ts';
import { judgeVariant, type VariantFigures } from './judge-variant.ts';
import { meanInterval } from './mean-interval.ts';
import { pickControl } from './pick-control.ts';
import { qualityMetric, type QualityMetric } from './quality-difference.ts';
import { wilsonInterval } from './wilson-interval.ts';

export interface CompareOptions {
  /** `--control`: the variant to compare with. */
  control?: string;
  /** The split's variants in tokenops.yaml, in order (the first is the default control). */
  configured: readonly string[];
}

/**
 * The rows of `tokenops experiments show`: the control first, then the variants in the
 * config's order, then any others by name, each but the control judged against it.
 */
export function compareExperiment(
  experiment: string,
  totals: readonly ExperimentVariantTotals[],
  options: CompareOptions,
): ExperimentRow[] {
  const names = totals.map((variant) => variant.variant);
  const control = pickControl(names, options.control, options.configured);
  const rank = (name: string) => {
    if (name === control.variant) return -1;
    const index = options.configured.indexOf(name);
    return index === -1 ? options.configured.length : index;
  };
  const ordered = [...totals].sort(
    (left, right) =>
      rank(left.variant) - rank(right.variant) || left.variant.localeCompare(right.variant),
  );
  const metric = qualityMetric(totals);
  const figures = (variant: ExperimentVariantTotals): VariantFigures => ({
    totals: variant,
    costPerGoodOutcome: costPerGoodOutcome(metric, variant),
  });
  const [baseline] = ordered;
  if (baseline === undefined) return [];
  return ordered.map((variant) => {
    const common = describeVariant(experiment, metric, variant);
    // The role follows the variant's name in every format's column order.
    const named = { experiment, variant: variant.variant };
    if (variant === baseline) {
      return {
        ...named,
        role: 'control',
        ...common,
        difference: null,
        difference_lower: null,
        difference_upper: null,
        margin: null,
        verdict: null,
        outcomes_needed: null,
        reason: control.why,
      };
    }
    const judged = judgeVariant(metric, figures(variant), figures(baseline));
    return {
      ...named,
      role: 'variant',
      ...common,
      difference: rounded(judged.difference?.estimate),
      difference_lower: rounded(judged.difference?.lower),
      difference_upper: rounded(judged.difference?.upper),
      margin: rounded(judged.margin ?? undefined),
      verdict: judged.verdict,
      outcomes_needed: judged.outcomesNeeded,
      reason: judged.reason,
    };
  });
}

type Judged = 'role' | 'difference' | 'difference_lower' | 'difference_upper' | 'margin';

function describeVariant(
  experiment: string,
  metric: QualityMetric | null,
  variant: ExperimentVariantTotals,
): Omit<ExperimentRow, Judged | 'verdict' | 'outcomes_needed' | 'reason'> {
  const rate = wilsonInterval(variant.successes, variant.outcomes);
  const score = meanInterval({
    count: variant.scores,
    sum: variant.scoreSum,
    squareSum: variant.scoreSquareSum,
  });
  const cost = costPerGoodOutcome(metric, variant);
  return {
    experiment,
    variant: variant.variant,
    requests: variant.requests,
    events: variant.events,
    cost: toStoredPrecision(variant.cost),
    unpriced: variant.unpriced,
    outcomes: variant.outcomes,
    successes: variant.successes,
    ...bounds('success_rate', rate),
    scores: variant.scores,
    // One score has a mean but no interval.
    ...bounds('mean_score', score),
    ...(score === null && variant.scores > 0
      ? { mean_score: rounded(variant.scoreSum / variant.scores) }
      : {}),
    cost_per_good_outcome: cost === null ? null : toStoredPrecision(cost),
    metric,
  };
}

/**
 * All the variant's cost, retries and failures included, over its good outcomes: successes,
 * or the sum of the scores when scores are the metric (a score of 0.5 is half an outcome).
 */
function costPerGoodOutcome(
  metric: QualityMetric | null,
  variant: ExperimentVariantTotals,
): number | null {
  const good = metric === 'mean_score' ? variant.scoreSum : variant.successes;
  return good > 0 ? variant.cost / good : null;
}

function bounds<Name extends string>(name: Name, interval: Interval | null) {
  return {
    [name]: rounded(interval?.estimate),
    [`${name}_lower`]: rounded(interval?.lower),
    [`${name}_upper`]: rounded(interval?.upper),
  } as Record<Name | `${Name}_lower` | `${Name}_upper`, number | null>;
}

function rounded(value: number | undefined): number | null {
  return value === undefined ? null : Math.round(value * 1e6) / 1e6;
}
