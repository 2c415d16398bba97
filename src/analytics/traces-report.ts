import { ValidationError } from '../domain/errors/index.ts';
import type { TopTracesSpec, TraceSummary } from '../store/insights-spec.ts';
import { parseTimeRange } from './parse-time-range.ts';
import { parseFilters } from './report-request.ts';

/** One line of `tokenops traces --top N`. */
export type TraceRow = {
  trace_id: string;
  feature: string | null;
  start: string;
  calls: number;
  tokens: number;
  cost: number;
  first_call_tokens: number;
  /** All tokens of the trace over its first call's tokens (null when that call had none). */
  fan_out: number | null;
  duration_ms: number;
};

export function parseTopTracesRequest(request: {
  top?: string;
  from?: string;
  to?: string;
  where?: readonly string[];
}): TopTracesSpec {
  const limit = Number(request.top ?? '10');
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000) {
    throw new ValidationError(
      'invalid traces request',
      [{ field: 'top', reason: `"${request.top}" is not a whole number from 1 to 1000` }],
      'pass --top 10, for instance',
    );
  }
  return {
    limit,
    ...parseTimeRange(request.from, request.to),
    filters: parseFilters(request.where),
  };
}

export function fanOut(tokens: number, firstCallTokens: number): number | null {
  return firstCallTokens > 0 ? Math.round((tokens / firstCallTokens) * 100) / 100 : null;
}

export function buildTraceRow(summary: TraceSummary): TraceRow {
  return {
    trace_id: summary.traceId,
    feature: summary.feature,
    start: new Date(summary.start).toISOString(),
    calls: summary.calls,
    tokens: summary.tokens,
    cost: summary.cost,
    first_call_tokens: summary.firstCallTokens,
    fan_out: fanOut(summary.tokens, summary.firstCallTokens),
    duration_ms: Math.round(summary.durationMs),
  };
}
