import type { StringDictionary } from './string-dictionary.ts';

/**
 * How a column's values are laid out in memory, as a columnar store takes them. `money` is an
 * int64 count of pico-units (DECIMAL(18,12)); `timestamp` takes epoch milliseconds and holds
 * int64 microseconds; `boolean` one byte.
 */
export type ColumnLayout = 'varchar' | 'int32' | 'boolean' | 'double' | 'money' | 'timestamp';

export interface TableColumn<Row> {
  name: string;
  layout: ColumnLayout;
  /** The column's value for a row; undefined stores NULL. */
  read: (row: Row) => string | number | boolean | undefined;
}

/** Bytes per value of each fixed-width layout (0: strings are kept as strings). */
export const LAYOUT_BYTES: Readonly<Record<ColumnLayout, number>> = {
  varchar: 0,
  int32: 4,
  boolean: 1,
  double: 8,
  money: 8,
  timestamp: 8,
};

/** One column of a batch: little-endian values (row i at i × width) or strings, and NULLs. */
export interface ColumnValues {
  layout: ColumnLayout;
  bytes: ArrayBuffer;
  /** For `varchar`: each row's string, or null; empty when `dictionary` holds them instead. */
  strings: (string | null)[];
  /** Bit i (word i >> 5, bit i & 31) set when row i has a value; null when none is NULL. */
  validity: Uint32Array<ArrayBuffer> | null;
  /** For `varchar`, when known: the rows as codes into their distinct values. */
  dictionary?: StringDictionary;
}

/**
 * Rows turned into columns, ready for a bulk writer: plain data and ArrayBuffers, so a batch
 * built on a worker thread moves to the writer's thread without copying the numbers.
 */
export interface ColumnBatch {
  count: number;
  columns: ColumnValues[];
}

const TWO_TO_32 = 2 ** 32;
const PICO = 1e12;

/** Lays `rows` out column by column; a value that does not fit its column throws, naming it. */
export function toColumnBatch<Row>(
  columns: readonly TableColumn<Row>[],
  rows: readonly Row[],
): ColumnBatch {
  return { count: rows.length, columns: columns.map((column) => toColumn(column, rows)) };
}

function toColumn<Row>(column: TableColumn<Row>, rows: readonly Row[]): ColumnValues {
  const { layout, read } = column;
  const count = rows.length;
  const bytes = new ArrayBuffer(LAYOUT_BYTES[layout] * count);
  const strings: (string | null)[] = layout === 'varchar' ? new Array<string | null>(count) : [];
  let validity: Uint32Array<ArrayBuffer> | null = null;
  const int32 = new Int32Array(bytes, 0, layout === 'int32' ? count : 0);
  const words = new Int32Array(bytes, 0, LAYOUT_BYTES[layout] === 8 ? count * 2 : 0);
  const float64 = new Float64Array(bytes, 0, layout === 'double' ? count : 0);
  const bigint64 = new BigInt64Array(bytes, 0, LAYOUT_BYTES[layout] === 8 ? count : 0);
  const uint8 = new Uint8Array(bytes, 0, layout === 'boolean' ? count : 0);
  const writeInt64 = (row: number, value: number): void => {
    // Two 32-bit halves: exact below 2^53 with no BigInt per value.
    if (Math.abs(value) < Number.MAX_SAFE_INTEGER) {
      words[row * 2] = value >>> 0;
      words[row * 2 + 1] = Math.floor(value / TWO_TO_32);
    } else {
      bigint64[row] = BigInt(value);
    }
  };
  for (let row = 0; row < count; row += 1) {
    const value = read(rows[row]!);
    if (value === undefined) {
      validity ??= new Uint32Array(Math.ceil(count / 32)).fill(0xffffffff);
      validity[row >>> 5]! &= ~(1 << (row & 31));
      if (layout === 'varchar') strings[row] = null;
      continue;
    }
    switch (layout) {
      case 'varchar':
        strings[row] = value as string;
        break;
      case 'int32':
        // A typed array would wrap an out-of-range value silently; refuse it instead.
        if (((value as number) | 0) !== value) {
          throw new RangeError(`${column.name}: ${String(value)} does not fit a 32-bit integer`);
        }
        int32[row] = value;
        break;
      case 'boolean':
        uint8[row] = value ? 1 : 0;
        break;
      case 'double':
        float64[row] = value as number;
        break;
      case 'money':
        writeInt64(row, Math.round((value as number) * PICO));
        break;
      case 'timestamp':
        writeInt64(row, (value as number) * 1000);
        break;
    }
  }
  return { layout, bytes, strings, validity };
}

/** A varchar column's strings by row (null for NULL), decoded from its dictionary if need be. */
export function columnStrings(column: ColumnValues): readonly (string | null)[] {
  const { dictionary, validity } = column;
  if (!dictionary || column.strings.length > 0) return column.strings;
  const { names, codes } = dictionary;
  const strings: (string | null)[] = [];
  for (let row = 0; row < codes.length; row += 1) {
    strings.push(
      validity && !((validity[row >>> 5]! >>> (row & 31)) & 1) ? null : names[codes[row]!]!,
    );
  }
  return strings;
}

/** The rows whose `keep` is true, in order (duplicates dropped before writing). */
export function selectRows(batch: ColumnBatch, keep: readonly boolean[]): ColumnBatch {
  const kept: number[] = [];
  for (let row = 0; row < batch.count; row += 1) if (keep[row]) kept.push(row);
  if (kept.length === batch.count) return batch;
  return {
    count: kept.length,
    columns: batch.columns.map((column) => selectColumn(column, kept)),
  };
}

function selectColumn(column: ColumnValues, kept: readonly number[]): ColumnValues {
  const width = LAYOUT_BYTES[column.layout];
  const source = new Uint8Array(column.bytes);
  const bytes = new ArrayBuffer(width * kept.length);
  const target = new Uint8Array(bytes);
  let validity: Uint32Array<ArrayBuffer> | null = null;
  kept.forEach((row, index) => {
    target.set(source.subarray(row * width, (row + 1) * width), index * width);
    if (column.validity && !((column.validity[row >>> 5]! >>> (row & 31)) & 1)) {
      validity ??= new Uint32Array(Math.ceil(kept.length / 32)).fill(0xffffffff);
      validity[index >>> 5]! &= ~(1 << (index & 31));
    }
  });
  const all = columnStrings(column);
  const strings = column.layout === 'varchar' ? kept.map((row) => all[row] ?? null) : [];
  return { layout: column.layout, bytes, strings, validity };
}
