import type { DuckDBConnection } from '@duckdb/node-api';
import { UNATTRIBUTED } from '../../domain/tags.ts';
import type { Dimension } from '../report-spec.ts';
import { dimensionColumn } from '../sql/report-query.ts';
import type { StoredRange, UnpricedModel } from '../store.ts';
import { sqlTimestamp } from '../sql/sql-timestamp.ts';
import { duckDbDialect } from './duckdb-dialect.ts';
import { textCell } from '../sql/text-cell.ts';

/** Distinct values of one dimension, most used first. */
export async function queryTagValues(
  connection: DuckDBConnection,
  dimension: Dimension,
  limit: number,
): Promise<string[]> {
  const params: string[] = [];
  const column = dimensionColumn(
    dimension,
    (value) => {
      params.push(value);
      return `$${params.length}`;
    },
    duckDbDialect,
  );
  const reader = await connection.runAndReadAll(
    `SELECT COALESCE(${column}, '${UNATTRIBUTED}') AS value, count(*) AS calls
     FROM events GROUP BY 1 ORDER BY calls DESC, value LIMIT ${Math.max(1, Math.floor(limit))}`,
    params,
  );
  return reader.getRowObjectsJS().map((row) => textCell(row.value));
}

/** Models seen that nothing could price, most frequent first. */
export async function queryUnpricedModels(connection: DuckDBConnection): Promise<UnpricedModel[]> {
  const reader = await connection.runAndReadAll(
    `SELECT provider, model, count(*) AS events, sum(input_tokens) AS input_tokens,
            sum(output_tokens) AS output_tokens, epoch_ms(min(ts)) AS first_seen,
            epoch_ms(max(ts)) AS last_seen
     FROM events WHERE NOT priced GROUP BY provider, model ORDER BY events DESC, provider, model`,
  );
  return reader.getRowObjectsJS().map((row) => ({
    provider: textCell(row.provider),
    model: textCell(row.model),
    events: Number(row.events),
    inputTokens: Number(row.input_tokens),
    outputTokens: Number(row.output_tokens),
    firstSeen: Number(row.first_seen),
    lastSeen: Number(row.last_seen),
  }));
}

/** The first and last event times and the count; null for an empty store. */
export async function queryTimeRange(connection: DuckDBConnection): Promise<StoredRange | null> {
  const reader = await connection.runAndReadAll(
    'SELECT epoch_ms(min(ts)) AS first, epoch_ms(max(ts)) AS last, count(*) AS events FROM events',
  );
  const row = reader.getRowObjectsJS()[0];
  if (!row || Number(row.events) === 0) return null;
  return { from: Number(row.first), to: Number(row.last), events: Number(row.events) };
}

/** Events in [from, to) that nothing could price. */
export async function countUnpricedEvents(
  connection: DuckDBConnection,
  from: number,
  to: number,
): Promise<number> {
  const reader = await connection.runAndReadAll(
    `SELECT count(*) AS events FROM events
     WHERE NOT priced AND ts >= CAST($1 AS TIMESTAMP) AND ts < CAST($2 AS TIMESTAMP)`,
    [sqlTimestamp(from), sqlTimestamp(to)],
  );
  return Number(reader.getRowObjectsJS()[0]?.events ?? 0);
}
