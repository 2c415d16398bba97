import type { SqlDialect } from '../sql/sql-dialect.ts';

/** The time columns hold epoch milliseconds (Int64): 18.16 has no DateTime64. */
const asDateTime = (column: string): string => `toDateTime(intDiv(${column}, 1000), 'UTC')`;

const PERIOD_LABELS = {
  hour: (column: string) =>
    `formatDateTime(toStartOfHour(${asDateTime(column)}), '%Y-%m-%dT%H:00:00Z', 'UTC')`,
  day: (column: string) => `formatDateTime(${asDateTime(column)}, '%Y-%m-%d', 'UTC')`,
  week: (column: string) => `formatDateTime(toMonday(${asDateTime(column)}), '%Y-%m-%d')`,
  month: (column: string) => `formatDateTime(${asDateTime(column)}, '%Y-%m', 'UTC')`,
} as const;

/** A bare column name (not an expression). */
const COLUMN_NAME = /^[a-z][a-z0-9_]*$/;

/**
 * A bare column qualified: inside an aggregate it would resolve to the select alias of the same
 * name (`sum(input_tokens) AS input_tokens`), which ClickHouse refuses as nested aggregates.
 */
const qualified = (column: string): string =>
  COLUMN_NAME.test(column) ? `events.${column}` : column;

/**
 * ClickHouse's side of the shared builders. Parameters are placeholders that
 * `renderClickHouseQuery` turns into literals: 18.16 has no server-side parameters.
 */
export const clickHouseDialect: SqlDialect = {
  textParameter: (index) => `{p${index}:String}`,
  timestampParameter: (index) => `{p${index}:EpochMs}`,
  periodLabel: (grain, column) => PERIOD_LABELS[grain](column),
  // The builders bind the JSON path DuckDB reads (`$."KEY"`, KEY checked against
  // [A-Za-z0-9_.-]); here free tags are parallel arrays, so the key is the path less
  // its first three and last characters (folded to a constant before any row is read).
  freeTag: (pathSql) => {
    const key = `substring(${pathSql}, 4, length(${pathSql}) - 4)`;
    return `if(has(tag_keys, ${key}), tag_values[indexOf(tag_keys, ${key})], NULL)`;
  },
  epochMs: (column) => column,
  epochBucket: (column, sizeMs) => `intDiv(${column}, ${sizeMs}) * ${sizeMs}`,
  sumTokens: (column) => `toInt64(sum(${qualified(column)}))`,
  // Decimal(18,12) sums into Decimal(38,12) exactly; converted once at the end, as on DuckDB.
  sumMoney: (column) => `ifNull(toFloat64(sum(${qualified(column)})), 0)`,
  // CAST into Float64 refuses a NULL (unpriced) value; toFloat64 keeps it NULL.
  moneyAsDouble: (column) => `toFloat64(${column})`,
  orderBySum: (_sum, alias) => alias,
  countWhere: (condition) => `countIf(${condition})`,
  // Not sumIf: it gives 0, not NULL, when no row matches, and 18.16 has no -OrNull combinator.
  sumWhere: (value, condition) => `sum(if(${condition}, ${value}, NULL))`,
  argMin: (value, order) => `argMin(${value}, ${order})`,
  nullInteger: 'CAST(NULL AS Nullable(Int32))',
  nullDouble: 'CAST(NULL AS Nullable(Float64))',
  // ReplacingMergeTree folds a replaced row away only when parts merge; FINAL folds it on read.
  replacedRows: (table) => `${table} FINAL`,
};
