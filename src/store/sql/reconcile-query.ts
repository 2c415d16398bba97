import { TOKEN_BILLED_CLASSES } from '../../domain/billing-line.ts';
import type { ReconcileKey, ReconcileSpec } from '../reconcile-spec.ts';
import type { SqlDialect, SqlQuery } from './sql-dialect.ts';
import { sqlTimestamp } from './sql-timestamp.ts';

const NO_MODEL = '(no model)';

/**
 * Invoiced (billing_lines) against metered (events) per provider, model and day, joined in
 * one query so a group present on only one side still shows. Token counts on a bill come
 * from usage exports when those were imported, else from the bill's own quantities, so an
 * OpenAI usage export and its costs export are never counted twice.
 */
export function buildReconcileQuery(spec: ReconcileSpec, dialect: SqlDialect): SqlQuery {
  const params = [sqlTimestamp(spec.from), sqlTimestamp(spec.to)];
  const from = dialect.timestampParameter(1);
  const to = dialect.timestampParameter(2);
  const keys = spec.by;
  const billKey = (key: ReconcileKey) =>
    key === 'day'
      ? `${dialect.periodLabel('day', 'period_start')} AS day`
      : key === 'model'
        ? `COALESCE(model, '${NO_MODEL}') AS model`
        : 'provider';
  const eventKey = (key: ReconcileKey) =>
    key === 'day' ? `${dialect.periodLabel('day', 'ts')} AS day` : key;
  const group = (select: string[]) => (select.length > 0 ? `GROUP BY ${keys.join(', ')}` : '');
  const tokenClasses = TOKEN_BILLED_CLASSES.map((name) => `'${name}'`).join(', ');
  const join = keys.length > 0 ? keys.map((key) => `b.${key} = m.${key}`).join(' AND ') : 'true';
  const text = `
WITH bill AS (
  SELECT ${[...keys.map(billKey), ''].join(', ')}
    sum(cost) FILTER (WHERE role <> 'usage') AS invoiced_cost,
    sum(quantity) FILTER (WHERE role = 'usage' AND billed_class IN (${tokenClasses})) AS usage_tokens,
    sum(quantity) FILTER (WHERE role <> 'usage' AND billed_class IN (${tokenClasses})) AS billed_tokens
  FROM billing_lines WHERE period_start >= ${from} AND period_start < ${to}
  ${group(keys)}
), metered AS (
  SELECT ${[...keys.map(eventKey), ''].join(', ')}
    sum(cost_total) AS metered_cost,
    sum(input_tokens + output_tokens) AS metered_tokens,
    sum(cost_total) FILTER (WHERE tag_team IS NOT NULL) AS attributed_cost,
    count(*) AS metered_events
  FROM events WHERE ts >= ${from} AND ts < ${to}
  ${group(keys)}
)
SELECT ${[...keys.map((key) => `COALESCE(b.${key}, m.${key}) AS ${key}`), ''].join(', ')}
  CAST(COALESCE(b.invoiced_cost, 0) AS DOUBLE) AS invoiced_cost,
  CAST(COALESCE(b.usage_tokens, b.billed_tokens, 0) AS DOUBLE) AS invoiced_tokens,
  CAST(COALESCE(m.metered_cost, 0) AS DOUBLE) AS metered_cost,
  CAST(COALESCE(m.metered_tokens, 0) AS DOUBLE) AS metered_tokens,
  CAST(COALESCE(m.attributed_cost, 0) AS DOUBLE) AS attributed_cost,
  COALESCE(m.metered_events, 0) AS metered_events
FROM bill b FULL OUTER JOIN metered m ON ${join}
ORDER BY ${keys.length > 0 ? keys.join(', ') : 'invoiced_cost DESC'}`;
  return { text, params };
}
