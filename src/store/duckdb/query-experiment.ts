import type { DuckDBConnection } from '@duckdb/node-api';
import type { ExperimentSpec, ExperimentVariantTotals } from '../experiment-spec.ts';
import { buildExperimentQuery } from '../sql/experiment-query.ts';
import { duckDbDialect } from './duckdb-dialect.ts';
import { textCell } from '../sql/text-cell.ts';

export async function queryExperiment(
  connection: DuckDBConnection,
  spec: ExperimentSpec,
): Promise<ExperimentVariantTotals[]> {
  const query = buildExperimentQuery(spec, duckDbDialect);
  const reader = await connection.runAndReadAll(query.text, query.params);
  return reader.getRowObjectsJS().map((row) => ({
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
  }));
}
