import type { SqlDialect, SqlQuery } from './sql-dialect.ts';
import { sqlTimestamp } from './sql-timestamp.ts';

const PARTS = [
  'input',
  'cache_read',
  'cache_write',
  'cache_write_1h',
  'output',
  'reasoning',
  'total',
];
const TOKENS = [
  'input_tokens',
  'output_tokens',
  'cache_read_tokens',
  'cache_write_tokens',
  'cache_write_1h_tokens',
  'reasoning_tokens',
];
const KEYS = [
  'provider',
  'model',
  'service_tier',
  'context_tier',
  'currency',
  'source',
  'tag_team',
  'tag_service',
  'tag_feature',
  'tag_environment',
  'tag_customer',
  'tag_user',
  'extra_tags',
];

/**
 * Priced usage summed per hour and price point and tag set (or per event): the rows a FOCUS
 * export turns into one line per token class. Unpriced events are left out: FOCUS has no
 * way to say "unknown cost".
 */
export function buildUsageGroupsQuery(
  from: number,
  to: number,
  grain: 'hour' | 'event',
  dialect: SqlDialect,
): SqlQuery {
  const keys = grain === 'event' ? [...KEYS, 'id', 'trace_id'] : KEYS;
  const sums = [
    ...TOKENS.map((column) => `${dialect.sumTokens(column)} AS ${column}`),
    ...PARTS.flatMap((part) => [
      `${dialect.sumMoney(`cost_${part}`)} AS cost_${part}`,
      `${dialect.sumMoney(`list_${part}`)} AS list_${part}`,
    ]),
  ];
  const hour = dialect.periodLabel('hour', 'ts');
  return {
    text: `SELECT ${hour} AS period_start, ${keys.join(', ')}, count(*) AS events, ${sums.join(', ')}
FROM events
WHERE priced AND ts >= ${dialect.timestampParameter(1)} AND ts < ${dialect.timestampParameter(2)}
GROUP BY period_start, ${keys.join(', ')}
ORDER BY period_start, ${keys.join(', ')}`,
    params: [sqlTimestamp(from), sqlTimestamp(to)],
  };
}
