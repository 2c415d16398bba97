import { UNATTRIBUTED } from '../../domain/tags.ts';
import type { Dimension } from '../report-spec.ts';
import { dimensionColumn } from '../sql/report-query.ts';
import type { StoredRange, UnpricedModel } from '../store.ts';
import { clickHouseDialect } from './clickhouse-dialect.ts';
import type { ClickHouseConnection } from './clickhouse-connection.ts';

/** Distinct values of one dimension, most used first. */
export async function queryClickHouseTagValues(
  connection: ClickHouseConnection,
  dimension: Dimension,
  limit: number,
): Promise<string[]> {
  const params: string[] = [];
  const column = dimensionColumn(
    dimension,
    (value) => {
      params.push(value);
      return clickHouseDialect.textParameter(params.length);
    },
    clickHouseDialect,
  );
  const rows = await connection.rows({
    text: `SELECT coalesce(${column}, '${UNATTRIBUTED}') AS value, count() AS calls
     FROM events GROUP BY value ORDER BY calls DESC, value LIMIT ${Math.max(1, Math.floor(limit))}`,
    params,
  });
  return rows.map((row) => String(row.value));
}

/** Models seen that nothing could price, most frequent first. */
export async function queryClickHouseUnpriced(
  connection: ClickHouseConnection,
): Promise<UnpricedModel[]> {
  const rows = await connection.rows(
    `SELECT provider, model, count() AS events, sum(input_tokens) AS input_sum,
            sum(output_tokens) AS output_sum, min(ts) AS first_seen, max(ts) AS last_seen
     FROM events WHERE NOT priced GROUP BY provider, model ORDER BY events DESC, provider, model`,
  );
  return rows.map((row) => ({
    provider: String(row.provider),
    model: String(row.model),
    events: Number(row.events),
    inputTokens: Number(row.input_sum),
    outputTokens: Number(row.output_sum),
    firstSeen: Number(row.first_seen),
    lastSeen: Number(row.last_seen),
  }));
}

/** The first and last event times and the count; null for an empty store. */
export async function queryClickHouseTimeRange(
  connection: ClickHouseConnection,
): Promise<StoredRange | null> {
  const [row] = await connection.rows(
    'SELECT min(ts) AS first, max(ts) AS last, count() AS events FROM events',
  );
  if (!row || Number(row.events) === 0) return null;
  return { from: Number(row.first), to: Number(row.last), events: Number(row.events) };
}

/** Events in [from, to) that nothing could price. */
export async function countClickHouseUnpriced(
  connection: ClickHouseConnection,
  from: number,
  to: number,
): Promise<number> {
  const [row] = await connection.rows(
    `SELECT count() AS events FROM events
     WHERE NOT priced AND ts >= ${Math.floor(from)} AND ts < ${Math.ceil(to)}`,
  );
  return Number(row?.events ?? 0);
}
