import type { DuckDBConnection } from '@duckdb/node-api';
import type { ExperimentSpec, ExperimentVariantTotals } from '../experiment-spec.ts';
import { buildExperimentQuery } from '../sql/experiment-query.ts';
import { readExperimentVariant } from '../sql/read-experiment-variant.ts';
import { duckDbDialect } from './duckdb-dialect.ts';

export async function queryExperiment(
  connection: DuckDBConnection,
  spec: ExperimentSpec,
): Promise<ExperimentVariantTotals[]> {
  const query = buildExperimentQuery(spec, duckDbDialect);
  const reader = await connection.runAndReadAll(query.text, query.params);
  return reader.getRowObjectsJS().map(readExperimentVariant);
}
