import type {
  InsightSpec,
  LayerGroup,
  TopTracesSpec,
  TraceCall,
  TraceSummary,
} from '../insights-spec.ts';
import type { ReportFilter } from '../report-spec.ts';
import { buildLayersQuery } from '../sql/layers-query.ts';
import { readLayerGroup } from '../sql/read-layer-group.ts';
import { readTraceCall, readTraceSummary } from '../sql/read-trace-rows.ts';
import { buildTopTracesQuery, buildTraceCallsQuery } from '../sql/traces-query.ts';
import { clickHouseDialect } from './clickhouse-dialect.ts';
import type { ClickHouseConnection } from './clickhouse-connection.ts';

/** Spend per group, feature and price point split into layers, through the shared builder. */
export async function queryClickHouseLayers(
  connection: ClickHouseConnection,
  spec: InsightSpec,
): Promise<LayerGroup[]> {
  const rows = await connection.rows(buildLayersQuery(spec, clickHouseDialect));
  return rows.map((row) => readLayerGroup(row, spec.dimensions));
}

/** The most expensive traces, through the shared builder. */
export async function queryClickHouseTopTraces(
  connection: ClickHouseConnection,
  spec: TopTracesSpec,
): Promise<TraceSummary[]> {
  const rows = await connection.rows(buildTopTracesQuery(spec, clickHouseDialect));
  return rows.map(readTraceSummary);
}

/** Every call of one trace that matches the filters, in time order (empty for an unknown id). */
export async function queryClickHouseTraceCalls(
  connection: ClickHouseConnection,
  traceId: string,
  filters: readonly ReportFilter[],
): Promise<TraceCall[]> {
  const rows = await connection.rows(buildTraceCallsQuery(traceId, filters, clickHouseDialect));
  return rows.map(readTraceCall);
}
