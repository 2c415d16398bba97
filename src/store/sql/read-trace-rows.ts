import type { TraceCall, TraceSummary } from '../insights-spec.ts';
import { textCell } from './text-cell.ts';

type Row = Readonly<Record<string, unknown>>;

const textOrNull = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** A row of the top-traces query as a TraceSummary. */
export function readTraceSummary(row: Row): TraceSummary {
  return {
    traceId: textCell(row.trace_id),
    feature: textOrNull(row.feature),
    calls: Number(row.calls),
    tokens: Number(row.tokens),
    cost: Number(row.cost),
    firstCallTokens: Number(row.first_call_tokens),
    durationMs: Number(row.duration_ms),
    start: Number(row.start_ms),
  };
}

/** A row of the trace-calls query as a TraceCall. */
export function readTraceCall(row: Row): TraceCall {
  return {
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
  };
}
