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
  // Derived tables, not `WITH bill AS (SELECT …)`, and USING, which merges the keys of a group
  // found on one side only: ClickHouse 18.16 has neither that WITH nor a working FULL JOIN … ON.
  // Without keys each side is one row of sums, so they are simply put side by side.
  const join = (metered: string) =>
    keys.length > 0
      ? `FULL OUTER JOIN ${metered} m USING (${keys.join(', ')})`
      : `CROSS JOIN ${metered} m`;
  const text = `
SELECT ${[...keys, ''].join(', ')}
  ${dialect.moneyAsDouble('COALESCE(b.invoiced_cost, 0)')} AS invoiced_cost,
  CAST(COALESCE(b.usage_tokens, b.billed_tokens, 0) AS DOUBLE) AS invoiced_tokens,
  ${dialect.moneyAsDouble('COALESCE(m.metered_cost, 0)')} AS metered_cost,
  CAST(COALESCE(m.metered_tokens, 0) AS DOUBLE) AS metered_tokens,
  ${dialect.moneyAsDouble('COALESCE(m.attributed_cost, 0)')} AS attributed_cost,
  COALESCE(m.metered_events, 0) AS metered_events
FROM (
  SELECT ${[...keys.map(billKey), ''].join(', ')}
    ${dialect.sumWhere('cost', "role <> 'usage'")} AS invoiced_cost,
    ${dialect.sumWhere('quantity', `role = 'usage' AND billed_class IN (${tokenClasses})`)} AS usage_tokens,
    ${dialect.sumWhere('quantity', `role <> 'usage' AND billed_class IN (${tokenClasses})`)} AS billed_tokens
  FROM ${dialect.replacedRows('billing_lines')} WHERE period_start >= ${from} AND period_start < ${to}
  ${group(keys)}
) b
${join(`(
  SELECT ${[...keys.map(eventKey), ''].join(', ')}
    sum(cost_total) AS metered_cost,
    sum(input_tokens + output_tokens) AS metered_tokens,
    ${dialect.sumWhere('cost_total', 'tag_team IS NOT NULL')} AS attributed_cost,
    count(*) AS metered_events
  FROM events WHERE ts >= ${from} AND ts < ${to}
  ${group(keys)}
)`)}
ORDER BY ${keys.length > 0 ? keys.join(', ') : 'invoiced_cost DESC'}`;
  return { text, params };
}
