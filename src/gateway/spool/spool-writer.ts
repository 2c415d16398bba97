import { close, fdatasync, ftruncateSync, openSync, writeSync } from 'node:fs';
import { setTimeout as delay } from 'node:timers/promises';
import { promisify } from 'node:util';
import type { UsageEvent } from '../../domain/usage-event.ts';
import { segmentPath, type SpoolSegment } from './spool-segments.ts';

const syncData = promisify(fdatasync);

/**
 * Syncs of a segment start at least this far apart. Each costs the main thread a thread-pool
 * hand-off, and back to back they ran hundreds a second (3 % of a saturated gateway's main
 * thread); spaced, a power cut can lose up to this much more of the newest calls.
 */
const SYNC_SPACING_MS = 25;
const closeFile = promisify(close);

interface OpenSegment {
  path: string;
  fd: number;
  count: number;
  /** Bytes of whole lines in the file: a failed write is cut back to this. */
  size: number;
  /** The fdatasync in flight, and whether groups written since need another. */
  syncing?: Promise<void>;
  syncAgain: boolean;
}

interface Waiting {
  /** One line, or several already joined (events handed back by the drain). */
  text: string;
  count: number;
  done: () => void;
}

export interface SpoolWriterOptions {
  directory: string;
  firstSequence: number;
  log: (line: string) => void;
  /** Lines the disk would not take (full, failing): they go on to the store from memory. */
  keep: (segment: SpoolSegment) => void;
  /** A segment given up after a failed write it could not cut back: closed, for the store. */
  abandon: (segment: SpoolSegment) => void;
}

/**
 * Appends events to the current segment in groups: every event that arrives before the event
 * loop's check phase joins one write. The write is synchronous — it only copies into the
 * kernel's page cache (microseconds), cheaper than a thread-pool round trip per group — and a
 * caller's promise resolves once its line is there, so a killed process loses nothing
 * acknowledged. The file is then fdatasync'd in the background, one sync covering every group
 * written while the last ran, without making callers wait for the disk. The drain reads a
 * closed segment back from its file (the page cache, as a rule): keeping the written groups
 * in memory too held every event waiting for the store in the process (up to 200,000 while a
 * store is down), and under load the groups outlived young-generation collections and waited
 * for a full one to be freed. When the disk refuses a write (ENOSPC, EIO), the half-written
 * group is cut from the file, so lines written later never join a broken one, and its lines
 * are kept in memory instead: the caller is not failed.
 */
export function createSpoolWriter(options: SpoolWriterOptions) {
  let sequence = options.firstSequence;
  let current: OpenSegment | undefined;
  let queue: Waiting[] = [];
  let scheduled = false;
  let failing = false;
  /** The last rotation: each waits for the one before, so a flush never passes another's. */
  let rotating: Promise<unknown> = Promise.resolve();

  const segment = (): OpenSegment => {
    if (current) return current;
    const path = segmentPath(options.directory, sequence++);
    current = { path, fd: openSync(path, 'a'), count: 0, size: 0, syncAgain: false };
    return current;
  };

  const writeGroup = (): void => {
    scheduled = false;
    const group = queue;
    queue = [];
    if (group.length === 0) return;
    const bytes = Buffer.from(
      group.length === 1 ? group[0]!.text : group.map((item) => item.text).join(''),
    );
    const count = group.reduce((sum, item) => sum + item.count, 0);
    try {
      const target = segment();
      appendAll(target, bytes);
      target.count += count;
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
      options.keep({ chunks: [bytes], count, fresh: true });
    }
    for (const item of group) item.done();
  };

  /** Writes every byte (a full disk may take part of them); on failure cuts the file back. */
  const appendAll = (target: OpenSegment, bytes: Buffer): void => {
    try {
      for (let written = 0; written < bytes.length;) {
        written += writeSync(target.fd, bytes, written);
      }
      target.size += bytes.length;
    } catch (error) {
      try {
        ftruncateSync(target.fd, target.size);
      } catch {
        // The torn line stays, but last in a closed segment, where a replay skips it.
        current = undefined;
        void closeSegment(target).then(options.abandon);
      }
      throw error;
    }
  };

  /**
   * Durability against power loss, in the background: callers already have their answer. One
   * fdatasync at a time per segment, and one more (SYNC_SPACING_MS later) for every group
   * written meanwhile: at a low call rate each group would otherwise queue its own.
   */
  const syncInBackground = (target: OpenSegment): void => {
    if (target.syncing) {
      target.syncAgain = true;
      return;
    }
    target.syncing = syncData(target.fd)
      .catch((error: unknown) => options.log(`spool: fdatasync failed: ${String(error)}`))
      .then(() => delay(SYNC_SPACING_MS))
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
      await syncData(closing.fd);
    } catch (error) {
      options.log(`spool: fdatasync failed: ${String(error)}`);
    }
    await closeFile(closing.fd).catch(() => undefined);
    return { path: closing.path, count: closing.count, fresh: true };
  };

  const enqueue = (text: string, count: number): Promise<void> =>
    new Promise((done) => {
      queue.push({ text, count, done });
      if (scheduled) return;
      scheduled = true;
      setImmediate(writeGroup);
    });

  return {
    /** Resolves once the event is in the spool file, or, when the disk refuses it, in memory. */
    append(event: UsageEvent): Promise<void> {
      return enqueue(`${JSON.stringify(event)}\n`, 1);
    },

    /** The same for whole lines already serialised (events the disk refused earlier). */
    appendLines(chunk: Buffer, count: number): Promise<void> {
      return enqueue(chunk.toString('utf8'), count);
    },

    /**
     * Closes the current segment (after queued writes) and returns it; undefined when empty.
     * Resolves after every earlier rotation, so a flush that finds nothing to close still waits
     * for the segment a concurrent flush is closing to reach the drain.
     */
    rotate(): Promise<SpoolSegment | undefined> {
      writeGroup();
      const closing = current;
      current = undefined;
      const rotated = rotating.then(() => closing && closeSegment(closing));
      rotating = rotated;
      return rotated;
    },
  };
}

export type SpoolWriter = ReturnType<typeof createSpoolWriter>;
