import duckdb from '@duckdb/node-bindings';
import {
  BOOLEAN,
  DECIMAL,
  DOUBLE,
  DuckDBDataChunk,
  INTEGER,
  TIMESTAMP,
  VARCHAR,
  type DuckDBAppender,
  type DuckDBConnection,
  type DuckDBType,
} from '@duckdb/node-api';

/**
 * How a column's values sit in a DuckDB vector. `money` is DECIMAL(18,12): an int64 count of
 * pico-units; `timestamp` takes epoch milliseconds and stores microseconds.
 */
export type ColumnLayout = 'varchar' | 'int32' | 'boolean' | 'double' | 'money' | 'timestamp';

export interface TableColumn<Row> {
  name: string;
  layout: ColumnLayout;
  /** The column's value for a row; undefined stores NULL. */
  read: (row: Row) => string | number | boolean | undefined;
}

const TYPES: Record<ColumnLayout, DuckDBType> = {
  varchar: VARCHAR,
  int32: INTEGER,
  boolean: BOOLEAN,
  double: DOUBLE,
  money: DECIMAL(18, 12),
  timestamp: TIMESTAMP,
};

const BYTES: Record<ColumnLayout, number> = {
  varchar: 0,
  int32: 4,
  boolean: 1,
  double: 8,
  money: 8,
  timestamp: 8,
};

const ROWS = duckdb.vector_size();
const TWO_TO_32 = 2 ** 32;
const PICO = 1e12;

/** One column's scratch memory: the values of a chunk and its validity bits. */
interface Scratch {
  bytes: ArrayBuffer;
  int32: Int32Array;
  uint8: Uint8Array;
  float64: Float64Array;
  bigint64: BigInt64Array;
  validity: Uint32Array<ArrayBuffer>;
}

function createScratch(layout: ColumnLayout): Scratch {
  const bytes = new ArrayBuffer(Math.max(8, BYTES[layout]) * ROWS);
  return {
    bytes,
    int32: new Int32Array(bytes),
    uint8: new Uint8Array(bytes),
    float64: new Float64Array(bytes),
    bigint64: new BigInt64Array(bytes),
    validity: new Uint32Array(ROWS / 32),
  };
}

/** Writes an int64 at `row` as two 32-bit halves: exact below 2^53, no BigInt per value. */
function writeInt64(scratch: Scratch, row: number, value: number): void {
  if (Math.abs(value) < Number.MAX_SAFE_INTEGER) {
    scratch.int32[row * 2] = value >>> 0;
    scratch.int32[row * 2 + 1] = Math.floor(value / TWO_TO_32);
  } else {
    scratch.bigint64[row] = BigInt(value);
  }
}

function writeValue(
  scratch: Scratch,
  vector: duckdb.Vector,
  layout: ColumnLayout,
  row: number,
  value: string | number | boolean,
): void {
  switch (layout) {
    case 'varchar':
      duckdb.vector_assign_string_element(vector, row, value as string);
      return;
    case 'int32':
      // A typed array would wrap an out-of-range value silently; refuse it instead.
      if (((value as number) | 0) !== value) {
        throw new RangeError(`${String(value)} does not fit a 32-bit integer column`);
      }
      scratch.int32[row] = value;
      return;
    case 'boolean':
      scratch.uint8[row] = value ? 1 : 0;
      return;
    case 'double':
      scratch.float64[row] = value as number;
      return;
    case 'money':
      writeInt64(scratch, row, Math.round((value as number) * PICO));
      return;
    case 'timestamp':
      writeInt64(scratch, row, (value as number) * 1000);
      return;
  }
}

/**
 * Appends rows to a table through DuckDB data chunks of 2048 rows, filled column by column:
 * fixed-width values and validity go into JavaScript buffers copied into each vector in one
 * native call, so only strings cross to native code one value at a time. Measured several
 * times faster than one appender call per value (docs/decisions/2026-11-23-duckdb-write-path.md).
 */
export class ChunkAppender<Row> {
  private readonly chunk: DuckDBDataChunk;
  private readonly vectors: duckdb.Vector[];
  private readonly scratch: Scratch[];

  constructor(private readonly columns: readonly TableColumn<Row>[]) {
    this.chunk = DuckDBDataChunk.create(columns.map((column) => TYPES[column.layout]));
    this.vectors = columns.map((_, index) => duckdb.data_chunk_get_vector(this.chunk.chunk, index));
    this.scratch = columns.map((column) => createScratch(column.layout));
  }

  /** Appends every row; the caller flushes and closes the appender. */
  append(appender: DuckDBAppender, rows: readonly Row[]): void {
    for (let start = 0; start < rows.length; start += ROWS) {
      const count = Math.min(ROWS, rows.length - start);
      this.chunk.reset();
      this.columns.forEach((column, index) => {
        this.fillColumn(column, index, rows, start, count);
      });
      this.chunk.rowCount = count;
      appender.appendDataChunk(this.chunk);
    }
  }

  private fillColumn(
    column: TableColumn<Row>,
    index: number,
    rows: readonly Row[],
    start: number,
    count: number,
  ): void {
    const scratch = this.scratch[index]!;
    const vector = this.vectors[index]!;
    const { layout, read } = column;
    const validity = scratch.validity;
    validity.fill(0xffffffff);
    let nulls = false;
    for (let row = 0; row < count; row += 1) {
      const value = read(rows[start + row]!);
      if (value === undefined) {
        nulls = true;
        validity[row >>> 5]! &= ~(1 << (row & 31));
      } else {
        writeValue(scratch, vector, layout, row, value);
      }
    }
    if (layout !== 'varchar') {
      duckdb.copy_data_to_vector(vector, 0, scratch.bytes, 0, count * BYTES[layout]);
    }
    // Resetting the chunk marks every row valid again, so only a column with NULLs needs a mask.
    if (nulls) {
      duckdb.vector_ensure_validity_writable(vector);
      duckdb.copy_data_to_vector_validity(vector, 0, validity.buffer, 0, validity.byteLength);
    }
  }
}

/**
 * Appends `rows` to `table` and flushes them. On a failure the appender's buffered rows are
 * cleared before it closes, so nothing of the batch is flushed by the close.
 */
export async function appendRows<Row>(
  connection: DuckDBConnection,
  table: string,
  columns: readonly TableColumn<Row>[],
  rows: readonly Row[],
): Promise<void> {
  const appender = await connection.createAppender(table);
  try {
    new ChunkAppender(columns).append(appender, rows);
    appender.flushSync();
  } catch (error) {
    appender.clear();
    throw error;
  } finally {
    appender.closeSync();
  }
}
