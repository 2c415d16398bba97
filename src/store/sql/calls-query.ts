import type { CallsSpec } from '../calls-spec.ts';
import { filterCondition } from './report-query.ts';
import type { SqlDialect, SqlQuery } from './sql-dialect.ts';
import { sqlTimestamp } from './sql-timestamp.ts';

/** The columns a RecordedCall is read from, in the order `buildCallsQuery` selects them. */
export const CALL_COLUMNS = [
  'ts_ms',
  'provider',
  'model',
  'service_tier',
  'input_tokens',
  'output_tokens',
  'cache_read_tokens',
  'cache_write_tokens',
  'cache_write_1h_tokens',
  'reasoning_tokens',
  'system_prompt_tokens',
  'tool_definition_tokens',
  'status',
  'error_kind',
  'attempt',
  'trace_id',
  'prompt_fingerprint',
  'ttft_ms',
  'tag_team',
  'tag_service',
  'tag_feature',
  'tag_environment',
  'tag_customer',
  'tag_user',
  'extra_tags',
  'outcome',
  'score',
  'given_cost',
  'cost',
] as const;

/**
 * The calls of a period in time order (a prompt-cache replay depends on it), only the columns
 * a RecordedCall needs; the cost as a double, as every reader of it adds doubles.
 */
export function buildCallsQuery(spec: CallsSpec, dialect: SqlDialect): SqlQuery {
  const params: string[] = [sqlTimestamp(spec.from), sqlTimestamp(spec.to)];
  const bind = (value: string): string => {
    params.push(value);
    return dialect.textParameter(params.length);
  };
  const where = [`ts >= ${dialect.timestampParameter(1)}`, `ts < ${dialect.timestampParameter(2)}`];
  const lists = spec.anyOf ?? [];
  if (lists.length > 0 && lists.every((filters) => filters.length > 0)) {
    const alternatives = lists.map(
      (filters) =>
        `(${filters.map((filter) => filterCondition(filter, bind, dialect)).join(' AND ')})`,
    );
    where.push(`(${alternatives.join(' OR ')})`);
  }
  const select = CALL_COLUMNS.map((column) => {
    if (column === 'ts_ms') return `${dialect.epochMs('ts')} AS ts_ms`;
    if (column === 'cost') return `${dialect.moneyAsDouble('cost_total')} AS cost`;
    return column;
  });
  return {
    text: `SELECT ${select.join(', ')} FROM events WHERE ${where.join(' AND ')} ORDER BY ts, id`,
    params,
  };
}
