import type { ExperimentSpec, ExperimentVariantTotals } from '../experiment-spec.ts';
import { buildExperimentQuery } from '../sql/experiment-query.ts';
import { readExperimentVariant } from '../sql/read-experiment-variant.ts';
import { clickHouseDialect } from './clickhouse-dialect.ts';
import type { ClickHouseConnection } from './clickhouse-connection.ts';

/** Requests, cost, outcomes and scores per variant of one experiment, through the shared builder. */
export async function queryClickHouseExperiment(
  connection: ClickHouseConnection,
  spec: ExperimentSpec,
): Promise<ExperimentVariantTotals[]> {
  const rows = await connection.rows(buildExperimentQuery(spec, clickHouseDialect));
  return rows.map(readExperimentVariant);
}
