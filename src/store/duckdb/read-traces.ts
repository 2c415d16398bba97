import type { DuckDBConnection } from '@duckdb/node-api';
import type { ReportFilter } from '../report-spec.ts';
import type { TopTracesSpec, TraceCall, TraceSummary } from '../insights-spec.ts';
import { buildTopTracesQuery, buildTraceCallsQuery } from '../sql/traces-query.ts';
import { readTraceCall, readTraceSummary } from '../sql/read-trace-rows.ts';
import { duckDbDialect } from './duckdb-dialect.ts';

/** The most expensive traces, as the traces query sums them. */
export async function readTopTraces(
  connection: DuckDBConnection,
  spec: TopTracesSpec,
): Promise<TraceSummary[]> {
  const query = buildTopTracesQuery(spec, duckDbDialect);
  const reader = await connection.runAndReadAll(query.text, query.params);
  return reader.getRowObjectsJS().map(readTraceSummary);
}

/** Every call of one trace, in time order; empty when the id is unknown. */
export async function readTraceCalls(
  connection: DuckDBConnection,
  traceId: string,
  filters: readonly ReportFilter[],
): Promise<TraceCall[]> {
  const query = buildTraceCallsQuery(traceId, filters, duckDbDialect);
  const reader = await connection.runAndReadAll(query.text, query.params);
  return reader.getRowObjectsJS().map(readTraceCall);
}
