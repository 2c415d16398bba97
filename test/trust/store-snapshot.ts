import { DuckDBInstance } from '@duckdb/node-api';

/** What a store holds, reduced to counts, sums and a digest of every row that matters. */
export interface StoreSnapshot {
  events: number;
  eventDigest: string;
  billingLines: number;
  billingDigest: string;
}

/**
 * Reads a DuckDB store file directly (read-only, after the command that wrote it has exited),
 * so a refused input can be checked to have changed nothing: before === after.
 */
export async function snapshotStore(file: string): Promise<StoreSnapshot> {
  const instance = await DuckDBInstance.create(file, { access_mode: 'READ_ONLY' });
  const connection = await instance.connect();
  try {
    const reader = await connection.runAndReadAll(`
      SELECT
        (SELECT count(*) FROM events)::INTEGER AS events,
        (SELECT coalesce(md5(string_agg(concat_ws(':', id, ts, input_tokens, output_tokens,
          cache_read_tokens, reasoning_tokens, cost_total, given_cost, model, tag_team),
          ',' ORDER BY id)), '') FROM events) AS event_digest,
        (SELECT count(*) FROM billing_lines)::INTEGER AS billing_lines,
        (SELECT coalesce(md5(string_agg(concat_ws(':', id, quantity, cost, model),
          ',' ORDER BY id)), '') FROM billing_lines) AS billing_digest`);
    const row = reader.getRowObjectsJS()[0] ?? {};
    return {
      events: Number(row.events),
      eventDigest: row.event_digest as string,
      billingLines: Number(row.billing_lines),
      billingDigest: row.billing_digest as string,
    };
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
