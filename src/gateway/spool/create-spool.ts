import { mkdir } from 'node:fs/promises';
import type { UsageEvent } from '../../domain/usage-event.ts';
import type { Pricer } from '../../pricing/index.ts';
import type { Store } from '../../store/store.ts';
import { createInPlaceSpoolReader, type SpoolBatchReader } from './spool-batch-reader.ts';
import { createSpoolDrain } from './spool-drain.ts';
import { listSegments, segmentBytes } from './spool-segments.ts';
import { createSpoolWriter } from './spool-writer.ts';

export interface SpoolOptions {
  directory: string;
  store: Store;
  pricer: () => Promise<Pricer>;
  /**
   * Prices segments and lays them out for the store (e.g. on a worker thread); the spool
   * closes it. Absent: done in place with `pricer`.
   */
  reader?: SpoolBatchReader;
  /** How often the current segment is closed and moved into the store. */
  flushIntervalMs: number;
  log: (line: string) => void;
}

export interface Spool {
  /**
   * Resolves once the event is in the spool file (or in memory, when the disk refuses it); the
   * store gets it within a flush interval.
   */
  append(event: UsageEvent): Promise<void>;
  /** Moves everything written so far into the store (when it is up). */
  flush(): Promise<void>;
  /** Segments not yet in the store. */
  pending(): number;
  /**
   * Events lost since the start: refused by a full or failing disk while the store was down,
   * beyond the 200,000 that wait in memory, or still unwritten at close. Each loss is logged.
   */
  lost(): number;
  /**
   * Flushes once more and stops; whatever the store did not take stays on disk for the next
   * start, events held in memory included when the disk takes them now.
   */
  close(): Promise<void>;
}

/** Opens the spool and queues the segments a previous run left behind (replay on start). */
export async function createSpool(options: SpoolOptions): Promise<Spool> {
  await mkdir(options.directory, { recursive: true });
  const left = await listSegments(options.directory);
  const reader = options.reader ?? createInPlaceSpoolReader(options.pricer);
  const drain = createSpoolDrain({ store: options.store, reader, log: options.log });
  const writer = createSpoolWriter({
    directory: options.directory,
    firstSequence: left.nextSequence,
    log: options.log,
    keep: (segment) => drain.add(segment),
    abandon: (segment) => drain.add(segment),
  });
  left.segments.forEach((segment) => drain.add(segment));
  if (left.segments.length > 0) {
    options.log(`spool: replaying ${left.segments.length} segment(s) left by the last run`);
  }

  const flush = async (): Promise<void> => {
    const closed = await writer.rotate();
    if (closed) drain.add(closed);
    await drain.drain();
  };
  let lostAtClose = 0;
  let timer: NodeJS.Timeout | undefined = setInterval(() => {
    flush().catch((error: unknown) => options.log(`spool: flush failed: ${String(error)}`));
  }, options.flushIntervalMs);
  timer.unref();
  await drain.drain();

  return {
    append: (event) => writer.append(event),
    flush,
    pending: () => drain.pending(),
    lost: () => drain.lost() + lostAtClose,
    async close() {
      if (timer) clearInterval(timer);
      timer = undefined;
      await flush();
      // Events the disk refused and the store has not taken: one more try at the disk (it may
      // have room again), so the next start replays them instead of losing them.
      const unwritten = drain.takeUnwritten();
      if (unwritten.length > 0) {
        await Promise.all(
          unwritten.map(async (segment) =>
            writer.appendLines(await segmentBytes(segment), segment.count ?? 0),
          ),
        );
        await writer.rotate();
        const refused = drain
          .takeUnwritten()
          .reduce((sum, segment) => sum + (segment.count ?? 0), 0);
        if (refused > 0) {
          lostAtClose += refused;
          options.log(`spool: ${refused} event(s) reached neither the disk nor the store; lost`);
        }
      }
      await reader.close();
    },
  };
}
