import type { YieldGroup, YieldSpec } from '../insights-spec.ts';
import { readYieldGroup } from '../sql/read-yield-group.ts';
import { resolveRetryOutcomes } from '../sql/resolve-retry-outcomes.ts';
import { buildRetriesQuery, buildYieldQuery, type InheritedOutcome } from '../sql/yield-query.ts';
import { clickHouseDialect } from './clickhouse-dialect.ts';
import type { ClickHouseConnection } from './clickhouse-connection.ts';

/**
 * Tokens per group by request outcome, through the shared yield builder. ClickHouse 18.16 has
 * no `WITH RECURSIVE`, so the retried calls (few: a retry is the exception) are read first,
 * their chains resolved here, and the inherited outcomes bound into the main query as a
 * constant map.
 */
export async function queryClickHouseYield(
  connection: ClickHouseConnection,
  spec: YieldSpec,
): Promise<YieldGroup[]> {
  const links = await connection.rows(buildRetriesQuery(spec, clickHouseDialect));
  const outcomes = resolveRetryOutcomes(
    links.map((row) => ({
      requestId: typeof row.request_id === 'string' ? row.request_id : null,
      retryOf: String(row.retry_of),
      outcome: typeof row.outcome === 'string' ? row.outcome : null,
    })),
  );
  const query = buildYieldQuery(spec, clickHouseDialect, inheritedFrom(outcomes));
  const rows = await connection.rows(query);
  return rows.map((row) => readYieldGroup(row, spec.dimensions));
}

/**
 * The outcome a call's request inherits, looked up with `transform` (a hash table built once
 * per query, not a scan per row); '' stands for none, since `transform` refuses a NULL default.
 */
function inheritedFrom(outcomes: ReadonlyMap<string, string>): InheritedOutcome {
  if (outcomes.size === 0) return () => 'CAST(NULL AS Nullable(String))';
  return (bind) => {
    const requests = [...outcomes.keys()].map(bind).join(', ');
    const inherited = [...outcomes.values()].map(bind).join(', ');
    return `nullIf(transform(request_id, [${requests}], [${inherited}], ''), '')`;
  };
}
