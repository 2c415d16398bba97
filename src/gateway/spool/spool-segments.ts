import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { UsageEvent } from '../../domain/usage-event.ts';

const SEGMENT = /^segment-(\d{12})\.ndjson$/;

/** A spool file of events written but not yet known to be in the store. */
export interface SpoolSegment {
  /** Absent for events the disk refused: they are held in memory only. */
  path?: string;
  /** The events as written, while memory allows; read back from `path` otherwise. */
  events?: UsageEvent[];
  /**
   * Written by this run: its ids (fresh UUIDs) cannot be in the store yet, so it is appended
   * without the id check, which scans every stored id. Segments left by a crash may be.
   */
  fresh?: boolean;
  /** The store took it; only the file is left to delete. */
  stored?: boolean;
}

export function segmentPath(directory: string, sequence: number): string {
  return join(directory, `segment-${String(sequence).padStart(12, '0')}.ndjson`);
}

/** Segments left in the directory (by a crash or a store that was down), oldest first. */
export async function listSegments(
  directory: string,
): Promise<{ segments: SpoolSegment[]; nextSequence: number }> {
  const names = (await readdir(directory)).filter((name) => SEGMENT.test(name)).sort();
  const last = names.at(-1);
  const nextSequence = last ? Number(SEGMENT.exec(last)?.[1]) + 1 : 1;
  return { segments: names.map((name) => ({ path: join(directory, name) })), nextSequence };
}

/**
 * Reads a segment back. A kill can leave the last line half-written: that line belongs to a
 * response that never completed, so it is skipped; any other bad line is reported.
 */
export async function readSegment(
  path: string,
): Promise<{ events: UsageEvent[]; skipped: number }> {
  const lines = (await readFile(path, 'utf8')).split('\n');
  const events: UsageEvent[] = [];
  let skipped = 0;
  for (const line of lines) {
    if (!line) continue;
    try {
      events.push(JSON.parse(line) as UsageEvent);
    } catch {
      skipped += 1;
    }
  }
  return { events, skipped };
}
