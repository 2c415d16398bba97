import duckdb from '@duckdb/node-bindings';
import {
  BOOLEAN,
  DECIMAL,
  DOUBLE,
  DuckDBDataChunk,
  ENUM,
  INTEGER,
  TIMESTAMP,
  VARCHAR,
  type DuckDBAppender,
  type DuckDBConnection,
  type DuckDBType,
} from '@duckdb/node-api';
import {
  LAYOUT_BYTES,
  toColumnBatch,
  type ColumnBatch,
  type ColumnLayout,
  type TableColumn,
} from '../column-batch.ts';
import { stringDictionary } from '../string-dictionary.ts';

const TYPES: Record<ColumnLayout, DuckDBType> = {
  varchar: VARCHAR,
  int32: INTEGER,
  boolean: BOOLEAN,
  double: DOUBLE,
  money: DECIMAL(18, 12),
  timestamp: TIMESTAMP,
};

const ROWS = duckdb.vector_size();
const ALL_VALID = 0xffffffff;

/**
 * Appends a column batch through DuckDB data chunks of 2048 rows: each fixed-width column and
 * each NULL mask is copied into its vector in one native call per chunk. A varchar column of
 * few distinct values goes in the same way, as an ENUM of its values that the appender casts
 * back to VARCHAR natively; only strings of many distinct values (ids) cross to native code
 * one at a time. Several times faster than one appender call per value
 * (docs/decisions/2026-11-23-duckdb-write-path.md). The caller flushes and closes.
 */
function appendBatch(appender: DuckDBAppender, batch: ColumnBatch): void {
  const dictionaries = batch.columns.map((column) =>
    column.layout === 'varchar'
      ? (column.dictionary ?? stringDictionary(column.strings, batch.count))
      : null,
  );
  const chunk = DuckDBDataChunk.create(
    batch.columns.map((column, index) => {
      const dictionary = dictionaries[index];
      return dictionary ? ENUM(dictionary.names) : TYPES[column.layout];
    }),
  );
  const vectors = batch.columns.map((_, index) => duckdb.data_chunk_get_vector(chunk.chunk, index));
  for (let start = 0; start < batch.count; start += ROWS) {
    const count = Math.min(ROWS, batch.count - start);
    chunk.reset();
    batch.columns.forEach((column, index) => {
      const vector = vectors[index]!;
      const dictionary = dictionaries[index];
      const width = LAYOUT_BYTES[column.layout];
      if (dictionary) {
        const { codes } = dictionary;
        const codeWidth = codes.BYTES_PER_ELEMENT;
        duckdb.copy_data_to_vector(
          vector,
          0,
          codes.buffer,
          codes.byteOffset + start * codeWidth,
          count * codeWidth,
        );
      } else if (width > 0) {
        duckdb.copy_data_to_vector(vector, 0, column.bytes, start * width, count * width);
      } else {
        for (let row = 0; row < count; row += 1) {
          const text = column.strings[start + row];
          if (text !== null && text !== undefined)
            duckdb.vector_assign_string_element(vector, row, text);
        }
      }
      // Resetting the chunk marks every row valid again, so only a chunk with NULLs needs a mask.
      const validity = column.validity;
      if (validity && hasNulls(validity, start, count)) {
        duckdb.vector_ensure_validity_writable(vector);
        duckdb.copy_data_to_vector_validity(
          vector,
          0,
          validity.buffer,
          validity.byteOffset + start / 8,
          Math.ceil(count / 32) * 4,
        );
      }
    });
    chunk.rowCount = count;
    appender.appendDataChunk(chunk);
  }
}

/** Whether rows start..start+count (start a multiple of 2048) hold a NULL. */
function hasNulls(validity: Uint32Array, start: number, count: number): boolean {
  const first = start >>> 5;
  const last = first + Math.ceil(count / 32);
  for (let word = first; word < last; word += 1) {
    const bits = count - (word - first) * 32;
    const mask = bits >= 32 ? ALL_VALID : (2 ** bits - 1) >>> 0;
    if ((validity[word]! & mask) >>> 0 !== mask) return true;
  }
  return false;
}

/**
 * Appends a batch to `table` and flushes it. On a failure the appender's buffered rows are
 * cleared before it closes, so nothing of the batch is flushed by the close.
 */
export async function appendColumnBatch(
  connection: DuckDBConnection,
  table: string,
  batch: ColumnBatch,
): Promise<void> {
  const appender = await connection.createAppender(table);
  try {
    appendBatch(appender, batch);
    appender.flushSync();
  } catch (error) {
    appender.clear();
    throw error;
  } finally {
    appender.closeSync();
  }
}

/** Appends rows laid out by `columns` (the table's columns, in order). */
export function appendRows<Row>(
  connection: DuckDBConnection,
  table: string,
  columns: readonly TableColumn<Row>[],
  rows: readonly Row[],
): Promise<void> {
  return appendColumnBatch(connection, table, toColumnBatch(columns, rows));
}
