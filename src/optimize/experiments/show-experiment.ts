import { NotFoundError } from '../../domain/errors/index.ts';
import type { Store } from '../../store/store.ts';
import type { RoutingRule } from '../routing-rules/routing-rule.ts';
import { compareExperiment } from './compare-experiment.ts';
import type { ExperimentRow } from './experiment-row.ts';
import type { ExperimentQuery } from './parse-experiment-request.ts';

/**
 * Reads one experiment's variants and compares them. `routing` is tokenops.yaml's: the split
 * of the rule with the experiment's name orders the variants and names the default control.
 */
export async function showExperiment(
  store: Store,
  query: ExperimentQuery,
  routing: readonly RoutingRule[],
): Promise<ExperimentRow[]> {
  const { spec } = query;
  const totals = await store.experimentTotals(spec);
  if (totals.length === 0) {
    const narrowed = spec.from !== undefined || spec.to !== undefined || spec.filters?.length;
    throw new NotFoundError(
      `no calls of experiment "${spec.experiment}"${narrowed ? ' in the period and filters given' : ''}`,
      'tokenops report --by tag:experiment lists the experiments with calls (GET /api/v1/report?by=tag:experiment)',
    );
  }
  const rule = routing.find((candidate) => candidate.name === spec.experiment);
  return compareExperiment(spec.experiment, totals, {
    ...(query.control === undefined ? {} : { control: query.control }),
    configured: rule?.split?.map((variant) => variant.variant) ?? [],
  });
}
