import type { InsightSpec } from '../insights-spec.ts';
import { insightScope } from './insight-scope.ts';
import type { SqlDialect, SqlQuery } from './sql-dialect.ts';

const TOKENS = [
  'input_tokens',
  'output_tokens',
  'cache_read_tokens',
  'cache_write_tokens',
  'cache_write_1h_tokens',
  'reasoning_tokens',
];
const PRICE_POINT = ['provider', 'model', 'service_tier', 'context_tier'];

/**
 * Spend per group, feature and price point, split into layers call by call (docs/layers.md).
 * Events are read straight from the table in each step (no wide common table expression:
 * DuckDB would materialise every column of the range to share it), through derived tables
 * rather than WITH, which ClickHouse 18.16 lacks.
 * A call is a retry when it errored or was aborted, or when a later call names its request id
 * in `retry_of` (an attempt before the last). The input side of a call is its total minus its
 * output cost, so a cost the source gave (no class split) lands on the input side and the
 * layers still add up to the total; system-prompt and tool-definition tokens take their share
 * of that input side (worked out per call inside, where no alias shadows `input_tokens`:
 * ClickHouse reads a name that is also an alias of the outer select as the alias).
 */
export function buildLayersQuery(spec: InsightSpec, dialect: SqlDialect): SqlQuery {
  const scope = insightScope(spec, dialect);
  const prefix =
    'least(COALESCE(events.system_prompt_tokens, 0) + COALESCE(events.tool_definition_tokens, 0), events.input_tokens)';
  const systemShare = `CASE WHEN events.input_tokens > 0 THEN ${dialect.moneyAsDouble('events.cost_total - events.cost_output')} * ${prefix} / events.input_tokens END`;
  const groupKeys = [...scope.keyAliases, 'feature', ...PRICE_POINT];
  const text = `
SELECT ${[...scope.keySelects, 'tag_feature AS feature', ...PRICE_POINT].join(', ')},
  count(*) AS calls,
  ${dialect.countWhere('NOT priced')} AS unpriced_calls,
  ${TOKENS.map((column) => `${dialect.sumTokens(`classified.${column}`)} AS ${column}`).join(', ')},
  ${dialect.epochMs('max(ts)')} AS last_call,
  ${dialect.sumMoney('classified.cost_total')} AS total_cost,
  ${dialect.sumMoney('CASE WHEN is_retry THEN cost_total END')} AS retry_cost,
  ${dialect.sumMoney('CASE WHEN NOT is_retry THEN cost_output END')} AS output_cost,
  ${dialect.sumMoney('CASE WHEN NOT is_retry THEN system_share END')} AS system_prompt_cost
FROM (
  SELECT events.*, (events.status <> 'ok' OR superseded.request_id IS NOT NULL) AS is_retry,
    ${systemShare} AS system_share
  FROM events LEFT JOIN (
    SELECT DISTINCT retry_of AS request_id FROM events
    ${scope.where ? `${scope.where} AND` : 'WHERE'} retry_of IS NOT NULL
  ) superseded ON superseded.request_id = events.request_id
  ${scope.where}
) classified
GROUP BY ${groupKeys.join(', ')}
ORDER BY ${groupKeys.join(', ')}`;
  return { text, params: scope.params };
}
