import type { SqlDialect } from '../sql/sql-dialect.ts';

const PERIOD_FORMATS = {
  hour: `strftime(date_trunc('hour', ts), '%Y-%m-%dT%H:00:00Z')`,
  day: `strftime(date_trunc('day', ts), '%Y-%m-%d')`,
  week: `strftime(date_trunc('week', ts), '%Y-%m-%d')`,
  month: `strftime(date_trunc('month', ts), '%Y-%m')`,
} as const;

export const duckDbDialect: SqlDialect = {
  textParameter: (index) => `$${index}`,
  timestampParameter: (index) => `CAST($${index} AS TIMESTAMP)`,
  periodLabel: (grain) => PERIOD_FORMATS[grain],
  freeTag: (pathSql) => `json_extract_string(extra_tags, ${pathSql})`,
  sumTokens: (column) => `CAST(sum(${column}) AS BIGINT)`,
  // Decimal sums are exact; converting once at the end keeps every event's fraction of a cent.
  sumMoney: (column) => `CAST(COALESCE(sum(${column}), 0) AS DOUBLE)`,
};
