import { unlink } from 'node:fs/promises';
import type { Store } from '../../store/store.ts';
import type { SpoolBatchReader } from './spool-batch-reader.ts';
import { segmentBytes, type SpoolSegment } from './spool-segments.ts';

/** At most this many events the disk refused are held in memory for the store. */
const MEMORY_LIMIT = 200_000;
const MAX_BACKOFF_MS = 5_000;

/**
 * Moves closed segments into the store, oldest first: price, append, then delete the file. A
 * segment replayed after a crash is appended idempotently by event id, so it adds nothing twice. A store that
 * fails keeps every segment on disk and is retried with backoff; callers never see it.
 */
export function createSpoolDrain(options: {
  store: Store;
  reader: SpoolBatchReader;
  log: (line: string) => void;
}) {
  const queue: SpoolSegment[] = [];
  let held = 0;
  let lost = 0;
  let failures = 0;
  let retryAt = 0;
  let draining: Promise<void> = Promise.resolve();

  const storeSegment = async (segment: SpoolSegment): Promise<void> => {
    if (!segment.stored) {
      const bytes = await segmentBytes(segment);
      const { batch, skipped } = await options.reader.read(bytes);
      if (skipped > 0) {
        options.log(`spool: ${segment.path ?? 'memory'}: skipped ${skipped} unfinished line(s)`);
      }
      if (batch.count > 0) {
        await (segment.fresh
          ? options.store.appendNewColumns(batch)
          : options.store.appendColumns(batch));
      }
    }
    // A failed unlink is retried without appending the segment a second time.
    segment.stored = true;
    if (segment.path) await unlink(segment.path);
  };

  const drainOnce = async (now: number): Promise<void> => {
    if (now < retryAt) return;
    while (queue.length > 0) {
      const segment = queue[0] as SpoolSegment;
      try {
        await storeSegment(segment);
      } catch (error) {
        failures += 1;
        retryAt = now + Math.min(MAX_BACKOFF_MS, 100 * 2 ** failures);
        if (failures === 1 || failures % 20 === 0) {
          options.log(
            `spool: the store did not take ${queue.length} segment(s) (${String(error)}); they stay in the spool and are retried`,
          );
        }
        return;
      }
      if (failures > 0) options.log('spool: the store is taking events again');
      failures = 0;
      queue.shift();
      held -= segment.chunks ? (segment.count ?? 0) : 0;
    }
  };

  return {
    add(segment: SpoolSegment): void {
      const size = segment.chunks ? (segment.count ?? 0) : 0;
      if (held + size <= MEMORY_LIMIT) {
        held += size;
      } else {
        // Neither the disk nor the store takes them, and memory is full: they are lost.
        lost += size;
        options.log(
          `spool: dropped ${size} event(s) that neither the disk nor the store would take (${lost} so far)`,
        );
        return;
      }
      queue.push(segment);
    },
    /** Runs one pass (passes never overlap); resolves when it is over. */
    drain(now = Date.now()): Promise<void> {
      draining = draining.then(() => drainOnce(now));
      return draining;
    },
    pending: (): number => queue.length,
    /** Takes the lines held in memory only (the disk refused them) out of the queue. */
    takeUnwritten(): SpoolSegment[] {
      const unwritten = queue.filter((segment) => !segment.path);
      queue.splice(0, queue.length, ...queue.filter((segment) => segment.path));
      for (const segment of unwritten) held -= segment.count ?? 0;
      return unwritten;
    },
    /** Events dropped since the start (see add). */
    lost: (): number => lost,
  };
}

export type SpoolDrain = ReturnType<typeof createSpoolDrain>;
