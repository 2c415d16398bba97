import type { DuckDBConnection } from '@duckdb/node-api';
import type { InsightSpec, LayerGroup } from '../insights-spec.ts';
import { buildLayersQuery } from '../sql/layers-query.ts';
import { readLayerGroup } from '../sql/read-layer-group.ts';
import { duckDbDialect } from './duckdb-dialect.ts';

/** Runs the layers query and reads its rows as LayerGroups. */
export async function readLayerGroups(
  connection: DuckDBConnection,
  spec: InsightSpec,
): Promise<LayerGroup[]> {
  const query = buildLayersQuery(spec, duckDbDialect);
  const reader = await connection.runAndReadAll(query.text, query.params);
  return reader.getRowObjectsJS().map((row) => readLayerGroup(row, spec.dimensions));
}
