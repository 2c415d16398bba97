import type { InsightSpec, YieldSpec } from '../insights-spec.ts';
import { insightScope, type InsightScope } from './insight-scope.ts';
import type { SqlDialect, SqlQuery } from './sql-dialect.ts';

/**
 * SQL for the outcome a call inherits from its request's later attempts (NULL when none),
 * binding values through `bind`: given by an adapter whose engine has no `WITH RECURSIVE`
 * (ClickHouse 18.16), which resolves the chains itself from `buildRetriesQuery`'s rows.
 */
export type InheritedOutcome = (bind: (value: string) => string) => string;

/** The retried calls in scope: the links of every retry chain, with their outcomes. */
const retriedCalls = (scope: InsightScope): string =>
  `SELECT request_id, retry_of, outcome FROM events
  ${scope.where ? `${scope.where} AND` : 'WHERE'} retry_of IS NOT NULL`;

/** The retried calls of the spec's scope (request_id, retry_of, outcome), for `InheritedOutcome`. */
export function buildRetriesQuery(spec: InsightSpec, dialect: SqlDialect): SqlQuery {
  const scope = insightScope(spec, dialect);
  return { text: retriedCalls(scope), params: scope.params };
}

/**
 * Tokens per group by the outcome of the request each call served. The outcome is recorded
 * on a request's last attempt, so earlier attempts (linked by `retry_of`, any depth) inherit
 * it. Goodput needs more of the call itself: it answered (status ok, so a failed attempt
 * of a request that later succeeded is yield but not goodput) within its feature's latency
 * objective; a call with no latency recorded (a batch job) is judged by its outcome alone.
 * Retry chains are walked over the (few) retried calls only, the events table is read
 * directly rather than through a wide common table expression DuckDB would materialise, and
 * only calls without an outcome of their own are joined to the inherited outcomes (the join
 * over every call's request id was most of the time over 10M events).
 */
export function buildYieldQuery(
  spec: YieldSpec,
  dialect: SqlDialect,
  inheritedOutcome?: InheritedOutcome,
): SqlQuery {
  const scope = insightScope(spec, dialect);
  // Searched, not `CASE tag_feature WHEN …`: ClickHouse 18.16 answers NULL to the simple form.
  const objective =
    spec.objectives.length > 0
      ? `CASE ${spec.objectives
          .map(
            (entry) =>
              `WHEN tag_feature = ${scope.bind(entry.feature)} THEN CAST(${scope.bind(String(entry.latencyMs))} AS DOUBLE)`,
          )
          .join(' ')} END`
      : dialect.nullDouble;
  const tokens = '(input_tokens + output_tokens)';
  const sumWhen = (condition: string) =>
    dialect.sumTokens(`CASE WHEN ${condition} THEN ${tokens} ELSE 0 END`);
  const judged = inheritedOutcome
    ? `(SELECT *, coalesce(outcome, ${inheritedOutcome(scope.bind)}) AS request_outcome, ${objective} AS objective_ms
  FROM events ${scope.where}) AS judged`
    : 'judged';
  const walk = `
WITH RECURSIVE retries AS (
  ${retriedCalls(scope)}
),
inherited(request_id, outcome) AS (
  SELECT retry_of, outcome FROM retries WHERE outcome IS NOT NULL
  UNION ALL
  SELECT earlier.retry_of, inherited.outcome
  FROM inherited JOIN retries earlier ON earlier.request_id = inherited.request_id
),
request_outcomes AS (SELECT request_id, min(outcome) AS outcome FROM inherited GROUP BY request_id),
judged AS (
  SELECT events.*, events.outcome AS request_outcome, ${objective} AS objective_ms
  FROM events ${scope.where ? `${scope.where} AND` : 'WHERE'} events.outcome IS NOT NULL
  UNION ALL BY NAME
  SELECT events.*, request_outcomes.outcome AS request_outcome, ${objective} AS objective_ms
  FROM events LEFT JOIN request_outcomes ON request_outcomes.request_id = events.request_id
  ${scope.where ? `${scope.where} AND` : 'WHERE'} events.outcome IS NULL
)`;
  const text = `${inheritedOutcome ? '' : walk}
SELECT ${[...scope.keySelects, ''].join(', ')}
  count(*) AS calls,
  ${dialect.sumTokens(tokens)} AS tokens,
  ${sumWhen("request_outcome = 'success'")} AS success_tokens,
  ${sumWhen("request_outcome = 'failure'")} AS failure_tokens,
  ${sumWhen('request_outcome IS NULL')} AS no_outcome_tokens,
  ${sumWhen("request_outcome = 'success' AND status = 'ok' AND (objective_ms IS NULL OR latency_ms IS NULL OR latency_ms <= objective_ms)")} AS goodput_tokens
FROM ${judged}
${scope.keyAliases.length > 0 ? `GROUP BY ${scope.keyAliases.join(', ')}` : ''}
ORDER BY tokens DESC${scope.keyAliases.map((alias) => `, ${alias}`).join('')}`;
  return { text, params: scope.params };
}
