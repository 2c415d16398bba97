import type { ExperimentVariantTotals } from '../experiment-spec.ts';
import { textCell } from './text-cell.ts';

/** A row of the experiment query (counts may arrive as text or bigint: Number reads both). */
export function readExperimentVariant(
  row: Readonly<Record<string, unknown>>,
): ExperimentVariantTotals {
  return {
    variant: textCell(row.variant_name),
    requests: Number(row.requests),
    events: Number(row.events),
    cost: Number(row.cost),
    unpriced: Number(row.unpriced),
    outcomes: Number(row.outcomes),
    successes: Number(row.successes),
    scores: Number(row.scores),
    scoreSum: Number(row.score_sum),
    scoreSquareSum: Number(row.score_square_sum),
  };
}
