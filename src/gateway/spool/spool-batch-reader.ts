import { readEventLines } from '../../domain/read-event-lines.ts';
import type { Pricer } from '../../pricing/index.ts';
import { toColumnBatch, type ColumnBatch } from '../../store/column-batch.ts';
import { EVENT_COLUMNS } from '../../store/event-columns.ts';

/** A segment's events, priced and laid out as the events table's columns. */
export interface SpoolBatch {
  batch: ColumnBatch;
  /** Lines that were not JSON: the half-written last line a kill leaves. */
  skipped: number;
}

/**
 * Turns a segment's lines into a batch for the store. `tokenops start` does it on a worker
 * thread (parsing and pricing stay off the thread that answers callers); this file's reader
 * does it in place, for embedders and tests.
 */
export interface SpoolBatchReader {
  read(bytes: Uint8Array): Promise<SpoolBatch>;
  close(): Promise<void>;
}

export function createInPlaceSpoolReader(pricer: () => Promise<Pricer>): SpoolBatchReader {
  return {
    async read(bytes) {
      const { events, skipped } = readEventLines(bytes);
      const prices = await pricer();
      const priced = events.map((event) => Object.assign(event, { pricing: prices.price(event) }));
      return { batch: toColumnBatch(EVENT_COLUMNS, priced), skipped };
    },
    close: () => Promise.resolve(),
  };
}
