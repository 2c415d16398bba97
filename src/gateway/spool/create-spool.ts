import { mkdir } from 'node:fs/promises';
import type { UsageEvent } from '../../domain/usage-event.ts';
import type { Pricer } from '../../pricing/index.ts';
import type { Store } from '../../store/store.ts';
import { createSpoolDrain } from './spool-drain.ts';
import { listSegments } from './spool-segments.ts';
import { createSpoolWriter } from './spool-writer.ts';

export interface SpoolOptions {
  directory: string;
  store: Store;
  pricer: () => Promise<Pricer>;
  /** How often the current segment is closed and moved into the store. */
  flushIntervalMs: number;
  log: (line: string) => void;
}

export interface Spool {
  /** Resolves once the event is in the spool file; the store gets it within a flush interval. */
  append(event: UsageEvent): Promise<void>;
  /** Moves everything written so far into the store (when it is up). */
  flush(): Promise<void>;
  /** Segments not yet in the store. */
  pending(): number;
  /** Flushes once more and stops; whatever the store did not take stays for the next start. */
  close(): Promise<void>;
}

/** Opens the spool and queues the segments a previous run left behind (replay on start). */
export async function createSpool(options: SpoolOptions): Promise<Spool> {
  await mkdir(options.directory, { recursive: true });
  const left = await listSegments(options.directory);
  const writer = createSpoolWriter(options.directory, left.nextSequence, options.log);
  const drain = createSpoolDrain(options);
  left.segments.forEach((segment) => drain.add(segment));
  if (left.segments.length > 0) {
    options.log(`spool: replaying ${left.segments.length} segment(s) left by the last run`);
  }

  const flush = async (): Promise<void> => {
    const closed = await writer.rotate();
    if (closed) drain.add(closed);
    await drain.drain();
  };
  let timer: NodeJS.Timeout | undefined = setInterval(() => {
    flush().catch((error: unknown) => options.log(`spool: flush failed: ${String(error)}`));
  }, options.flushIntervalMs);
  timer.unref();
  await drain.drain();

  return {
    append: (event) => writer.append(event),
    flush,
    pending: () => drain.pending(),
    async close() {
      if (timer) clearInterval(timer);
      timer = undefined;
      await flush();
    },
  };
}
