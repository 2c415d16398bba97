import type { Grain } from '../report-spec.ts';

/** The few places where SQL engines differ; the report builder stays one piece of code. */
export interface SqlDialect {
  /** A bound text parameter at 1-based position `index`. */
  textParameter(index: number): string;
  /** A bound timestamp parameter (bound as an ISO 8601 UTC string). */
  timestampParameter(index: number): string;
  /** Text label of the period holding timestamp `column` (hour: ISO date-time, day/week: date, month: YYYY-MM). */
  periodLabel(grain: Exclude<Grain, 'none'>, column: string): string;
  /** Value of a free tag whose JSON path is the bound parameter `pathSql`. */
  freeTag(pathSql: string): string;
  /** Epoch milliseconds of a timestamp column, as an integer. */
  epochMs(column: string): string;
  /** Epoch ms of the start of the `sizeMs`-long bucket holding timestamp `column`. */
  epochBucket(column: string, sizeMs: number): string;
  /** Sum of an integer token column, as a 64-bit integer. */
  sumTokens(column: string): string;
  /** Sum of a money column (exact decimal), read out as a double at the end. */
  sumMoney(column: string): string;
  /** One row's money column (exact decimal, may be NULL) as a double, NULL kept. */
  moneyAsDouble(column: string): string;
  /**
   * How ORDER BY names a sum the select list holds under `alias` (the alias being a column
   * name too): DuckDB reads the alias as the ungrouped column, so it repeats the sum;
   * ClickHouse reads any such name in ORDER BY as the alias, so it must use the alias.
   */
  orderBySum(sum: string, alias: string): string;
  /** Rows matching `condition` (DuckDB's `FILTER` clause; ClickHouse 18.16 has none). */
  countWhere(condition: string): string;
  /** Sum of `value` over rows matching `condition`, NULL when none has a value (as SQL's sum). */
  sumWhere(value: string, condition: string): string;
  /** `value` of the row where `order` (an expression or a tuple) is least. */
  argMin(value: string, order: string): string;
  /** A NULL typed as an integer (ClickHouse refuses to cast NULL to a non-nullable type). */
  nullInteger: string;
  /** A NULL typed as a double (the same reason). */
  nullDouble: string;
  /**
   * A table whose rows are replaced by key, as a FROM item holding only the latest row per key
   * (ClickHouse replaces rows at merge time, so it reads them `FINAL`).
   */
  replacedRows(table: string): string;
}

export interface SqlQuery {
  text: string;
  params: string[];
}
