import { UNATTRIBUTED } from '../../domain/tags.ts';
import {
  REPORT_TOKEN_COLUMNS,
  isSixTag,
  isTagDimension,
  type Dimension,
  type ReportFilter,
  type ReportSpec,
} from '../report-spec.ts';
import type { SqlDialect, SqlQuery } from './sql-dialect.ts';
import { sqlTimestamp } from './sql-timestamp.ts';

/** Builds the one report query every store runs; user text only ever travels as parameters. */
export function buildReportQuery(spec: ReportSpec, dialect: SqlDialect): SqlQuery {
  const params: string[] = [];
  const bind = (value: string, as: 'text' | 'timestamp' = 'text'): string => {
    params.push(value);
    return as === 'text'
      ? dialect.textParameter(params.length)
      : dialect.timestampParameter(params.length);
  };

  const select: string[] = [];
  const groupKeys: string[] = [];
  spec.dimensions.forEach((dimension, index) => {
    const alias = `d${index}`;
    select.push(
      `COALESCE(${dimensionColumn(dimension, bind, dialect)}, '${UNATTRIBUTED}') AS ${alias}`,
    );
    groupKeys.push(alias);
  });
  if (spec.grain !== 'none') {
    select.push(`${dialect.periodLabel(spec.grain, 'ts')} AS period`);
    groupKeys.push('period');
  }
  select.push('count(*) AS requests');
  for (const column of REPORT_TOKEN_COLUMNS)
    select.push(`${dialect.sumTokens(column)} AS ${column}`);
  select.push(
    `${dialect.sumMoney('cost_total')} AS cost`,
    `${dialect.sumMoney('list_total')} AS list_cost`,
  );

  const where: string[] = [];
  if (spec.from !== undefined) where.push(`ts >= ${bind(sqlTimestamp(spec.from), 'timestamp')}`);
  if (spec.to !== undefined) where.push(`ts < ${bind(sqlTimestamp(spec.to), 'timestamp')}`);
  for (const filter of spec.filters) where.push(filterCondition(filter, bind, dialect));

  // Engines differ on a name that is both a column and an alias (orderBySum).
  const sumOf = (column: string): string => dialect.orderBySum(dialect.sumTokens(column), column);
  const metricOrder =
    spec.metric === 'cost'
      ? 'cost DESC'
      : `(${sumOf('input_tokens')} + ${sumOf('output_tokens')}) DESC`;
  const order = [spec.grain !== 'none' ? 'period' : undefined, metricOrder, ...groupKeys]
    .filter((part) => part !== undefined)
    .join(', ');

  const text = [
    `SELECT ${select.join(', ')}`,
    'FROM events',
    where.length > 0 ? `WHERE ${where.join(' AND ')}` : '',
    groupKeys.length > 0 ? `GROUP BY ${groupKeys.join(', ')}` : '',
    `ORDER BY ${order}`,
  ]
    .filter((line) => line !== '')
    .join('\n');
  return { text, params };
}

/** The condition a filter puts on a call; `(unattributed)` matches calls without a value. */
export function filterCondition(
  filter: ReportFilter,
  bind: (value: string) => string,
  dialect: SqlDialect,
): string {
  const column = dimensionColumn(filter.dimension, bind, dialect);
  return filter.value === UNATTRIBUTED ? `${column} IS NULL` : `${column} = ${bind(filter.value)}`;
}

/** The SQL expression holding a dimension's raw value (NULL when the call had none). */
export function dimensionColumn(
  dimension: Dimension,
  bind: (value: string) => string,
  dialect: SqlDialect,
): string {
  if (isTagDimension(dimension)) {
    // The key was checked against [A-Za-z0-9_.-] and is bound, never spliced.
    return dialect.freeTag(bind(`$."${dimension.slice(4)}"`));
  }
  if (isSixTag(dimension)) return `tag_${dimension}`;
  return dimension;
}
