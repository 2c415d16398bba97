import { columnStrings, selectRows, type ColumnBatch } from '../column-batch.ts';
import type { AppendResult } from '../store.ts';
import type { ClickHouseConnection } from './clickhouse-connection.ts';
import { CLICKHOUSE_EVENT_COLUMNS, toEventTabSeparated } from './event-batch-tsv.ts';
import { findStoredEventIds } from './find-stored-event-ids.ts';

/** The epoch-ms bounds of a batch's timestamp column (held as int64 microseconds). */
function timeBounds(batch: ColumnBatch): { from: number; to: number } {
  // The timestamp is the events table's second column.
  const micros = new BigInt64Array(batch.columns[1]?.bytes ?? new ArrayBuffer(0));
  let from = Number.POSITIVE_INFINITY;
  let to = Number.NEGATIVE_INFINITY;
  for (const value of micros) {
    const ms = Number(value / 1000n);
    if (ms < from) from = ms;
    if (ms > to) to = ms;
  }
  return { from, to };
}

/**
 * Appends an events batch idempotently by id: drops ids already stored and repeats within
 * the batch, then writes the rest as one insert (one part per month it touches).
 */
export async function appendFreshEvents(
  connection: ClickHouseConnection,
  batch: ColumnBatch,
): Promise<AppendResult> {
  // The id is the events table's first column.
  const ids = (batch.columns[0] ? columnStrings(batch.columns[0]) : []) as string[];
  const { from, to } = timeBounds(batch);
  const stored = await findStoredEventIds(connection, ids, from, to);
  const keep = ids.map((id) => {
    if (stored.has(id)) return false;
    stored.add(id);
    return true;
  });
  const fresh = selectRows(batch, keep);
  if (fresh.count > 0) await writeEvents(connection, fresh);
  return { inserted: fresh.count, duplicates: batch.count - fresh.count };
}

/** Writes a batch without looking at ids (generated workloads, or after the check above). */
export function writeEvents(connection: ClickHouseConnection, batch: ColumnBatch): Promise<void> {
  return connection.insertTabSeparated(
    'events',
    CLICKHOUSE_EVENT_COLUMNS,
    toEventTabSeparated(batch),
  );
}
