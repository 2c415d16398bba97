import type { SqlDialect } from '../sql/sql-dialect.ts';

const PERIOD_FORMATS = {
  hour: '%Y-%m-%dT%H:00:00Z',
  day: '%Y-%m-%d',
  week: '%Y-%m-%d',
  month: '%Y-%m',
} as const;

export const duckDbDialect: SqlDialect = {
  textParameter: (index) => `$${index}`,
  timestampParameter: (index) => `CAST($${index} AS TIMESTAMP)`,
  periodLabel: (grain, column) =>
    `strftime(date_trunc('${grain}', ${column}), '${PERIOD_FORMATS[grain]}')`,
  freeTag: (pathSql) => `json_extract_string(extra_tags, ${pathSql})`,
  epochMs: (column) => `epoch_ms(${column})`,
  epochBucket: (column, sizeMs) => `CAST(epoch_ms(${column}) // ${sizeMs} AS BIGINT) * ${sizeMs}`,
  sumTokens: (column) => `CAST(sum(${column}) AS BIGINT)`,
  // Decimal sums are exact; converting once at the end keeps every event's fraction of a cent.
  sumMoney: (column) => `CAST(COALESCE(sum(${column}), 0) AS DOUBLE)`,
  moneyAsDouble: (column) => `CAST(${column} AS DOUBLE)`,
  // Inside an expression DuckDB reads a name that is also a column as the (ungrouped) column.
  orderBySum: (sum) => sum,
  countWhere: (condition) => `count(*) FILTER (WHERE ${condition})`,
  sumWhere: (value, condition) => `sum(${value}) FILTER (WHERE ${condition})`,
  argMin: (value, order) => `arg_min(${value}, ${order})`,
  nullInteger: 'CAST(NULL AS INTEGER)',
  nullDouble: 'CAST(NULL AS DOUBLE)',
  replacedRows: (table) => table,
};
