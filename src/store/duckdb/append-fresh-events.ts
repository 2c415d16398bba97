import type { DuckDBConnection } from '@duckdb/node-api';
import { columnStrings, selectRows, type ColumnBatch } from '../column-batch.ts';
import type { AppendResult } from '../store.ts';
import { appendColumnBatch } from './chunk-appender.ts';
import { findStoredIds } from './find-stored-ids.ts';

/**
 * Appends an events batch idempotently by id: drops ids already stored and repeats within the
 * batch, then writes the rest. The caller's transaction makes the batch all or nothing.
 */
export async function appendFreshEvents(
  connection: DuckDBConnection,
  batch: ColumnBatch,
): Promise<AppendResult> {
  // The id is the events table's first column.
  const ids = (batch.columns[0] ? columnStrings(batch.columns[0]) : []) as string[];
  const stored = await findStoredIds(connection, ids);
  const keep = ids.map((id) => {
    if (stored.has(id)) return false;
    stored.add(id);
    return true;
  });
  const fresh = selectRows(batch, keep);
  if (fresh.count > 0) await appendColumnBatch(connection, 'events', fresh);
  return { inserted: fresh.count, duplicates: batch.count - fresh.count };
}
