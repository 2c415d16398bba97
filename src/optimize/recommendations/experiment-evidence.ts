import type { RecordedCall } from '../../domain/recorded-call.ts';
import type { ExperimentVariantTotals } from '../../store/experiment-spec.ts';
import { compareExperiment } from '../experiments/compare-experiment.ts';
import type { ExperimentRow } from '../experiments/experiment-row.ts';
import { costOf, entry } from './event-figures.ts';

interface VariantUse {
  totals: ExperimentVariantTotals;
  /** Calls per model: a variant is "on" the model that served most of its calls. */
  models: Map<string, number>;
}

/**
 * The gateway's percentage splits seen among a period's calls (free tags `experiment` and
 * `variant`), per feature, so a tiering candidate can be judged by an experiment that ran the
 * two models side by side rather than by the outcomes each happened to get.
 */
export function createExperimentEvidence() {
  const byFeature = new Map<string, Map<string, Map<string, VariantUse>>>();
  return {
    observe(call: RecordedCall, feature: string): void {
      const experiment = call.tags.extra?.experiment;
      const variant = call.tags.extra?.variant;
      if (experiment === undefined || variant === undefined) return;
      const experiments = entry(
        byFeature,
        feature,
        () => new Map<string, Map<string, VariantUse>>(),
      );
      const variants = entry(experiments, experiment, () => new Map<string, VariantUse>());
      const use = entry(variants, variant, () => ({
        totals: {
          variant,
          requests: 0,
          events: 0,
          cost: 0,
          unpriced: 0,
          outcomes: 0,
          successes: 0,
          scores: 0,
          scoreSum: 0,
          scoreSquareSum: 0,
        },
        models: new Map<string, number>(),
      }));
      const { totals } = use;
      totals.events += 1;
      if (call.attempt === 1) totals.requests += 1;
      totals.cost += costOf(call);
      if (call.cost === null) totals.unpriced += 1;
      if (call.outcome !== undefined) totals.outcomes += 1;
      if (call.outcome === 'success') totals.successes += 1;
      if (call.score !== undefined) {
        totals.scores += 1;
        totals.scoreSum += call.score;
        totals.scoreSquareSum += call.score * call.score;
      }
      use.models.set(call.model, (use.models.get(call.model) ?? 0) + 1);
    },
    /**
     * The verdict of an experiment on `feature` with one variant on `current` (the control)
     * and one on `candidate`, as `tokenops experiments show` gives it; undefined when none ran.
     */
    verdict(
      feature: string,
      current: string,
      candidate: string,
    ): (ExperimentRow & { experiment: string }) | undefined {
      for (const [experiment, variants] of byFeature.get(feature) ?? []) {
        const on = (model: string) =>
          [...variants.values()].find((use) => mainModel(use) === model)?.totals.variant;
        const control = on(current);
        const variant = on(candidate);
        if (control === undefined || variant === undefined) continue;
        const totals = [...variants.values()].map((use) => use.totals);
        const rows = compareExperiment(experiment, totals, { control, configured: [] });
        const row = rows.find((candidateRow) => candidateRow.variant === variant);
        if (row) return row;
      }
      return undefined;
    },
  };
}

function mainModel(use: VariantUse): string | undefined {
  let best: [string, number] | undefined;
  for (const pair of use.models) if (best === undefined || pair[1] > best[1]) best = pair;
  return best?.[0];
}
