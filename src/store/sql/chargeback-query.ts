import { isSixTag, type Dimension } from '../report-spec.ts';
import type { AllocationSpec } from '../allocation-spec.ts';
import { dimensionColumn } from './report-query.ts';
import type { SqlDialect, SqlQuery } from './sql-dialect.ts';
import { sqlTimestamp } from './sql-timestamp.ts';

/**
 * Spend of a period per team and per shared scope (the first scope a call matches), summed
 * as exact decimals and read out as text, so the statement can be split in whole cents
 * without a float ever touching the money. Scope keys and values are bound, never spliced.
 */
export function buildChargebackQuery(spec: AllocationSpec, dialect: SqlDialect): SqlQuery {
  const params: string[] = [sqlTimestamp(spec.from), sqlTimestamp(spec.to)];
  const bind = (value: string): string => {
    params.push(value);
    return dialect.textParameter(params.length);
  };
  const cases = spec.sharedScopes.map((shared, index) => {
    const conditions = Object.entries(shared.scope).map(([key, value]) => {
      const dimension: Dimension = isSixTag(key as Dimension) ? (key as Dimension) : `tag:${key}`;
      return `${dimensionColumn(dimension, bind, dialect)} = ${bind(value)}`;
    });
    return `WHEN ${conditions.join(' AND ')} THEN ${index}`;
  });
  const scopeIndex = cases.length > 0 ? `CASE ${cases.join(' ')} END` : dialect.nullInteger;
  const text = `
SELECT tag_team AS team, ${scopeIndex} AS shared_scope, count(*) AS events,
  CAST(COALESCE(sum(cost_total), 0) AS VARCHAR) AS cost
FROM events
WHERE ts >= ${dialect.timestampParameter(1)} AND ts < ${dialect.timestampParameter(2)}
GROUP BY team, shared_scope
ORDER BY team, shared_scope`;
  return { text, params };
}
