import type { ActivityMinutesSpec, ActivitySpec } from '../activity-spec.ts';
import { insightScope } from './insight-scope.ts';
import type { SqlDialect, SqlQuery } from './sql-dialect.ts';

const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;

/** Calls, tokens, effective cost and distinct users per scope group and hour, for anomalies. */
export function buildActivityHoursQuery(spec: ActivitySpec, dialect: SqlDialect): SqlQuery {
  const scope = insightScope(spec, dialect);
  const groupKeys = [...scope.keyAliases, 'hour_start'];
  const text = `
SELECT ${[...scope.keySelects, `${dialect.epochBucket('ts', HOUR_MS)} AS hour_start`].join(', ')},
  count(*) AS calls,
  ${dialect.sumTokens('input_tokens + output_tokens')} AS tokens,
  ${dialect.sumMoney('cost_total')} AS cost,
  count(DISTINCT tag_user) AS users
FROM events
${scope.where}
GROUP BY ${groupKeys.join(', ')}
ORDER BY ${groupKeys.join(', ')}`;
  return { text, params: scope.params };
}

/** Calls and tokens per trace, or per virtual key (the free tag), and minute, for runaways. */
export function buildActivityMinutesQuery(
  spec: ActivityMinutesSpec,
  dialect: SqlDialect,
): SqlQuery {
  const scope = insightScope({ dimensions: [], ...spec }, dialect);
  const entity =
    spec.entity === 'trace' ? 'trace_id' : dialect.freeTag(scope.bind('$."virtual_key"'));
  const text = `
SELECT ${entity} AS entity, min(tag_feature) AS feature,
  ${dialect.epochBucket('ts', MINUTE_MS)} AS minute_start,
  count(*) AS calls,
  ${dialect.sumTokens('input_tokens + output_tokens')} AS tokens
FROM events
${scope.where} AND ${entity} IS NOT NULL
GROUP BY entity, minute_start
ORDER BY entity, minute_start`;
  return { text, params: scope.params };
}
