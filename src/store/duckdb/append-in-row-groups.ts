import type { ColumnBatch } from '../column-batch.ts';

/**
 * DuckDB's row group: a transaction appending at least this many rows writes them compressed
 * into the file at commit, instead of into the write-ahead log to be compressed again at the
 * checkpoint (docs/decisions/2026-11-23-duckdb-write-path.md).
 */
const ROW_GROUP_ROWS = 122_880;

/**
 * Writes a stream of batches in commits of at least a row group each: `commit` runs one
 * transaction, appending what `next` gives until it gives nothing (a row group's worth taken,
 * or the stream's end). If a commit fails, the source is stopped (a generator thread, say)
 * and the commit's own error is the one thrown. Returns the rows committed.
 */
export async function appendInRowGroups(
  batches: AsyncIterable<ColumnBatch>,
  commit: (next: () => Promise<ColumnBatch | undefined>) => Promise<void>,
): Promise<number> {
  const iterator = batches[Symbol.asyncIterator]();
  let written = 0;
  let ended = false;
  try {
    while (!ended) {
      let rows = 0;
      await commit(async () => {
        if (rows >= ROW_GROUP_ROWS) return undefined;
        const next = await iterator.next();
        if (next.done) {
          ended = true;
          return undefined;
        }
        rows += next.value.count;
        return next.value;
      });
      written += rows;
    }
  } finally {
    if (!ended) await iterator.return?.().catch(() => undefined);
  }
  return written;
}
