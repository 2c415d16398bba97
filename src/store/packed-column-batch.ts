import type { ColumnBatch, ColumnLayout, ColumnValues } from './column-batch.ts';
import { stringDictionary, type StringDictionary } from './string-dictionary.ts';

/** A varchar column packed for another thread: a dictionary, or its strings end to end. */
type PackedStrings =
  { dictionary: StringDictionary } | { text: string; lengths: Uint32Array<ArrayBuffer> };

interface PackedColumn {
  layout: ColumnLayout;
  bytes: ArrayBuffer;
  validity: Uint32Array<ArrayBuffer> | null;
  strings: PackedStrings | null;
}

/** A column batch as a few large values, cheap to post to another thread. */
export interface PackedColumnBatch {
  count: number;
  columns: PackedColumn[];
}

/**
 * The packed form each unpacked batch came from: a batch passed on to yet another thread (the
 * store's, say) crosses again as it arrived, not packed a second time.
 */
const packedForms = new WeakMap<ColumnBatch, PackedColumnBatch>();

/**
 * Packs a batch for postMessage: a thread receiving an array of strings rebuilds every string
 * one by one (~3 µs an event for the events table, as long as writing it), while one long
 * string and typed arrays copy in bulk. `transfer` lists the buffers to move, not copy.
 */
export function packColumnBatch(batch: ColumnBatch): {
  packed: PackedColumnBatch;
  transfer: ArrayBuffer[];
} {
  const arrived = packedForms.get(batch);
  if (arrived) return { packed: arrived, transfer: [] };
  const transfer: ArrayBuffer[] = [];
  const columns = batch.columns.map((column): PackedColumn => {
    transfer.push(column.bytes);
    if (column.validity) transfer.push(column.validity.buffer);
    const strings = column.layout === 'varchar' ? packStrings(column, batch.count) : null;
    if (strings && 'dictionary' in strings) transfer.push(strings.dictionary.codes.buffer);
    if (strings && 'lengths' in strings) transfer.push(strings.lengths.buffer);
    return { layout: column.layout, bytes: column.bytes, validity: column.validity, strings };
  });
  return { packed: { count: batch.count, columns }, transfer };
}

function packStrings(column: ColumnValues, count: number): PackedStrings {
  const dictionary = column.dictionary ?? stringDictionary(column.strings, count);
  if (dictionary) return { dictionary };
  const lengths = new Uint32Array(count);
  for (let row = 0; row < count; row += 1) lengths[row] = column.strings[row]?.length ?? 0;
  return { text: column.strings.join(''), lengths };
}

/**
 * The batch `packColumnBatch` packed. Dictionary columns stay dictionaries (a store may take
 * them as such; `columnStrings` reads them as strings).
 */
export function unpackColumnBatch(packed: PackedColumnBatch): ColumnBatch {
  const { count } = packed;
  const batch: ColumnBatch = {
    count,
    columns: packed.columns.map(({ layout, bytes, validity, strings: packedStrings }) => {
      if (!packedStrings) return { layout, bytes, validity, strings: [] };
      if ('dictionary' in packedStrings) {
        return { layout, bytes, validity, strings: [], dictionary: packedStrings.dictionary };
      }
      const { text, lengths } = packedStrings;
      const strings: (string | null)[] = [];
      let offset = 0;
      for (let row = 0; row < count; row += 1) {
        const end = offset + lengths[row]!;
        const valid = !validity || (validity[row >>> 5]! >>> (row & 31)) & 1;
        strings.push(valid ? text.slice(offset, end) : null);
        offset = end;
      }
      return { layout, bytes, validity, strings };
    }),
  };
  packedForms.set(batch, packed);
  return batch;
}
