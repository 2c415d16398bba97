import { open, type FileHandle } from 'node:fs/promises';
import type { UsageEvent } from '../../domain/usage-event.ts';
import { segmentPath, type SpoolSegment } from './spool-segments.ts';

interface OpenSegment {
  path: string;
  handle: FileHandle;
  events: UsageEvent[];
}

/**
 * Appends events to the current segment in groups: every event that arrives while a write is
 * pending joins the next single write. A caller's promise resolves once its line is in the
 * file — in the kernel, so a killed process loses nothing acknowledged — and each group is
 * then fdatasync'd without making callers wait for the disk.
 */
export function createSpoolWriter(
  directory: string,
  firstSequence: number,
  log: (line: string) => void,
) {
  let sequence = firstSequence;
  let current: Promise<OpenSegment> | undefined;
  let queue: { line: string; event: UsageEvent; done: () => void; fail: (error: Error) => void }[] =
    [];
  let writing: Promise<void> = Promise.resolve();
  let scheduled = false;

  const segment = (): Promise<OpenSegment> =>
    (current ??= (async () => {
      const path = segmentPath(directory, sequence++);
      return { path, handle: await open(path, 'a'), events: [] };
    })());

  const writeGroup = async (): Promise<void> => {
    scheduled = false;
    const group = queue;
    queue = [];
    if (group.length === 0) return;
    try {
      const target = await segment();
      await target.handle.write(group.map((item) => item.line).join(''));
      for (const item of group) target.events.push(item.event);
      group.forEach((item) => item.done());
      // Durability against power loss, in the background: callers already have their answer.
      target.handle
        .datasync()
        .catch((error: unknown) => log(`spool: fdatasync failed: ${String(error)}`));
    } catch (error) {
      group.forEach((item) => item.fail(error as Error));
    }
  };

  return {
    append(event: UsageEvent): Promise<void> {
      return new Promise((done, fail) => {
        queue.push({ line: `${JSON.stringify(event)}\n`, event, done, fail });
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
        const open = current;
        current = undefined;
        if (!open) return undefined;
        const closing = await open;
        await closing.handle.datasync();
        await closing.handle.close();
        return { path: closing.path, events: closing.events };
      });
      writing = rotated.then(() => undefined);
      return rotated;
    },
  };
}

export type SpoolWriter = ReturnType<typeof createSpoolWriter>;
