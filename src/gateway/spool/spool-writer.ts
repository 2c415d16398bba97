import { open, type FileHandle } from 'node:fs/promises';
import type { UsageEvent } from '../../domain/usage-event.ts';
import { segmentPath, type SpoolSegment } from './spool-segments.ts';

interface OpenSegment {
  path: string;
  handle: FileHandle;
  events: UsageEvent[];
  /** Bytes of whole lines in the file: a failed write is cut back to this. */
  size: number;
  /** The fdatasync in flight, and whether groups written since need another. */
  syncing?: Promise<void>;
  syncAgain: boolean;
}

interface Waiting {
  line: string;
  event: UsageEvent;
  done: () => void;
}

export interface SpoolWriterOptions {
  directory: string;
  firstSequence: number;
  log: (line: string) => void;
  /** Events the disk would not take (full, failing): they go on to the store from memory. */
  keep: (events: UsageEvent[]) => void;
  /** A segment given up after a failed write it could not cut back: closed, for the store. */
  abandon: (segment: SpoolSegment) => void;
}

/**
 * Appends events to the current segment in groups: every event that arrives while a write is
 * pending joins the next single write. A caller's promise resolves once its line is in the
 * file — in the kernel, so a killed process loses nothing acknowledged — and the file is then
 * fdatasync'd, one sync covering every group written while the last ran, without making
 * callers wait for the disk. When the disk refuses a write
 * (ENOSPC, EIO), the half-written group is cut from the file, so lines written later never
 * join a broken one, and its events are kept in memory instead: the caller is not failed.
 */
export function createSpoolWriter(options: SpoolWriterOptions) {
  let sequence = options.firstSequence;
  let current: OpenSegment | undefined;
  let queue: Waiting[] = [];
  let writing: Promise<void> = Promise.resolve();
  let scheduled = false;
  let failing = false;

  const segment = async (): Promise<OpenSegment> => {
    if (current) return current;
    const path = segmentPath(options.directory, sequence++);
    current = { path, handle: await open(path, 'a'), events: [], size: 0, syncAgain: false };
    return current;
  };

  const writeGroup = async (): Promise<void> => {
    scheduled = false;
    const group = queue;
    queue = [];
    if (group.length === 0) return;
    const events = group.map((item) => item.event);
    try {
      const target = await segment();
      await appendAll(target, Buffer.from(group.map((item) => item.line).join('')));
      target.events.push(...events);
      if (failing) options.log(`spool: writing to ${options.directory} again`);
      failing = false;
      syncInBackground(target);
    } catch (error) {
      if (!failing) {
        options.log(
          `spool: cannot write to ${options.directory} (${String(error)}); events go to the store from memory until the disk takes them again, and a crash before then loses them`,
        );
      }
      failing = true;
      options.keep(events);
    }
    group.forEach((item) => item.done());
  };

  /** Writes every byte (a full disk may take part of them); on failure cuts the file back. */
  const appendAll = async (target: OpenSegment, bytes: Buffer): Promise<void> => {
    try {
      for (let written = 0; written < bytes.length;) {
        written += (await target.handle.write(bytes, written)).bytesWritten;
      }
      target.size += bytes.length;
    } catch (error) {
      try {
        await target.handle.truncate(target.size);
      } catch {
        // The torn line stays, but last in a closed segment, where a replay skips it.
        current = undefined;
        options.abandon(await closeSegment(target));
      }
      throw error;
    }
  };

  /**
   * Durability against power loss, in the background: callers already have their answer. One
   * fdatasync at a time per segment, and one more for every group written meanwhile: at a low
   * call rate each group would otherwise queue its own, hundreds a second.
   */
  const syncInBackground = (target: OpenSegment): void => {
    if (target.syncing) {
      target.syncAgain = true;
      return;
    }
    target.syncing = target.handle
      .datasync()
      .catch((error: unknown) => options.log(`spool: fdatasync failed: ${String(error)}`))
      .finally(() => {
        target.syncing = undefined;
        if (!target.syncAgain || current !== target) return;
        target.syncAgain = false;
        syncInBackground(target);
      });
  };

  const closeSegment = async (closing: OpenSegment): Promise<SpoolSegment> => {
    await closing.syncing;
    try {
      await closing.handle.datasync();
    } catch (error) {
      options.log(`spool: fdatasync failed: ${String(error)}`);
    }
    await closing.handle.close().catch(() => undefined);
    return { path: closing.path, events: closing.events, fresh: true };
  };

  return {
    /** Resolves once the event is in the spool file, or, when the disk refuses it, in memory. */
    append(event: UsageEvent): Promise<void> {
      return new Promise((done) => {
        queue.push({ line: `${JSON.stringify(event)}\n`, event, done });
        if (scheduled) return;
        scheduled = true;
        setImmediate(() => {
          writing = writing.then(writeGroup);
        });
      });
    },

    /** Closes the current segment (after pending writes) and returns it; undefined when empty. */
    rotate(): Promise<SpoolSegment | undefined> {
      const rotated = writing.then(async () => {
        const closing = current;
        current = undefined;
        return closing && closeSegment(closing);
      });
      writing = rotated.then(() => undefined);
      return rotated;
    },
  };
}

export type SpoolWriter = ReturnType<typeof createSpoolWriter>;
