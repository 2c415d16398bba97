import { UNATTRIBUTED } from '../../domain/tags.ts';
import type { ExperimentSpec } from '../experiment-spec.ts';
import { insightScope } from './insight-scope.ts';
import { dimensionColumn } from './report-query.ts';
import type { SqlDialect, SqlQuery } from './sql-dialect.ts';

/**
 * Counts and sums per variant of one experiment. As in unit economics, a request is a first
 * attempt and an outcome or score is counted per event that carries one (feedback lands on the
 * attempt that answered), so plain filtered counts do.
 */
export function buildExperimentQuery(spec: ExperimentSpec, dialect: SqlDialect): SqlQuery {
  // The period and filters as every insight query reads them, then this experiment's calls.
  const scope = insightScope({ dimensions: [], ...spec }, dialect);
  const { bind } = scope;
  const experiment = `${dimensionColumn('tag:experiment', bind, dialect)} = ${bind(spec.experiment)}`;
  const where = scope.where ? `${scope.where} AND ${experiment}` : `WHERE ${experiment}`;
  const variant = dimensionColumn('tag:variant', bind, dialect);
  const text = `
SELECT COALESCE(${variant}, '${UNATTRIBUTED}') AS variant_name,
  ${dialect.countWhere('attempt = 1')} AS requests,
  count(*) AS events,
  ${dialect.sumMoney('cost_total')} AS cost,
  ${dialect.countWhere('cost_total IS NULL')} AS unpriced,
  ${dialect.countWhere('outcome IS NOT NULL')} AS outcomes,
  ${dialect.countWhere("outcome = 'success'")} AS successes,
  count(score) AS scores,
  CAST(COALESCE(sum(score), 0) AS DOUBLE) AS score_sum,
  CAST(COALESCE(sum(score * score), 0) AS DOUBLE) AS score_square_sum
FROM events
${where}
GROUP BY variant_name
ORDER BY variant_name`;
  return { text, params: scope.params };
}
