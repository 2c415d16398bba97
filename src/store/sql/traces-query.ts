import type { TopTracesSpec } from '../insights-spec.ts';
import type { ReportFilter } from '../report-spec.ts';
import { insightScope } from './insight-scope.ts';
import { filterCondition } from './report-query.ts';
import type { SqlDialect, SqlQuery } from './sql-dialect.ts';

/**
 * The most expensive traces over their calls in [from, to): calls, tokens (input + output), cost,
 * the earliest call's tokens (what the fan-out ratio divides by) and the wall time from the
 * first call's start to the last call's end.
 */
export function buildTopTracesQuery(spec: TopTracesSpec, dialect: SqlDialect): SqlQuery {
  const scope = insightScope({ dimensions: [], ...spec }, dialect);
  const limit = Math.max(1, Math.floor(spec.limit));
  const text = `
SELECT trace_id,
  ${dialect.argMin('tag_feature', '(ts, id)')} AS feature,
  count(*) AS calls,
  ${dialect.sumTokens('input_tokens + output_tokens')} AS tokens,
  ${dialect.sumMoney('cost_total')} AS cost,
  ${dialect.argMin('input_tokens + output_tokens', '(ts, id)')} AS first_call_tokens,
  ${dialect.epochMs('min(ts)')} AS start_ms,
  max(${dialect.epochMs('ts')} + COALESCE(latency_ms, 0)) - ${dialect.epochMs('min(ts)')} AS duration_ms
FROM events
${scope.where === '' ? 'WHERE' : `${scope.where} AND`} trace_id IS NOT NULL
GROUP BY trace_id
ORDER BY cost DESC, tokens DESC, trace_id
LIMIT ${limit}`;
  return { text, params: scope.params };
}

/** Every call of one trace that matches the filters, in time order. */
export function buildTraceCallsQuery(
  traceId: string,
  filters: readonly ReportFilter[],
  dialect: SqlDialect,
): SqlQuery {
  const params = [traceId];
  const bind = (value: string): string => {
    params.push(value);
    return dialect.textParameter(params.length);
  };
  const where = [
    `trace_id = ${dialect.textParameter(1)}`,
    ...filters.map((filter) => filterCondition(filter, bind, dialect)),
  ];
  return {
    text: `
SELECT id, span_id, parent_span_id, ${dialect.epochMs('ts')} AS timestamp_ms, provider, model, status,
  attempt, tag_feature, input_tokens, output_tokens,
  COALESCE(${dialect.moneyAsDouble('cost_total')}, 0) AS cost, latency_ms
FROM events WHERE ${where.join(' AND ')}
ORDER BY ts, id`,
    params,
  };
}
