import type { DuckDBConnection } from '@duckdb/node-api';
import type { ReportFilter } from '../report-spec.ts';
import type { TopTracesSpec, TraceCall, TraceSummary } from '../insights-spec.ts';
import { buildTopTracesQuery, buildTraceCallsQuery } from '../sql/traces-query.ts';
import { duckDbDialect } from './duckdb-dialect.ts';
import { textCell } from './text-cell.ts';

const textOrNull = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** The most expensive traces, as the traces query sums them. */
export async function readTopTraces(
  connection: DuckDBConnection,
  spec: TopTracesSpec,
): Promise<TraceSummary[]> {
  const query = buildTopTracesQuery(spec, duckDbDialect);
  const reader = await connection.runAndReadAll(query.text, query.params);
  return reader.getRowObjectsJS().map((row) => ({
    traceId: textCell(row.trace_id),
    feature: textOrNull(row.feature),
    calls: Number(row.calls),
    tokens: Number(row.tokens),
    cost: Number(row.cost),
    firstCallTokens: Number(row.first_call_tokens),
    durationMs: Number(row.duration_ms),
    start: Number(row.start_ms),
  }));
}

/** Every call of one trace, in time order; empty when the id is unknown. */
export async function readTraceCalls(
  connection: DuckDBConnection,
  traceId: string,
  filters: readonly ReportFilter[],
): Promise<TraceCall[]> {
  const query = buildTraceCallsQuery(traceId, filters, duckDbDialect);
  const reader = await connection.runAndReadAll(query.text, query.params);
  return reader.getRowObjectsJS().map((row) => ({
    id: textCell(row.id),
    spanId: textOrNull(row.span_id),
    parentSpanId: textOrNull(row.parent_span_id),
    timestamp: Number(row.timestamp_ms),
    provider: textCell(row.provider),
    model: textCell(row.model),
    status: textCell(row.status),
    attempt: Number(row.attempt),
    feature: textOrNull(row.tag_feature),
    inputTokens: Number(row.input_tokens),
    outputTokens: Number(row.output_tokens),
    cost: Number(row.cost),
    latencyMs: typeof row.latency_ms === 'number' ? row.latency_ms : null,
  }));
}
