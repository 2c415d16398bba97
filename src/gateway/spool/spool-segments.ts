import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

const SEGMENT = /^segment-(\d{12})\.ndjson$/;

/** A spool file of events written but not yet known to be in the store. */
export interface SpoolSegment {
  /** Absent for events the disk refused: they are held in memory only. */
  path?: string;
  /** Its lines, for events the disk refused (no `path`); a file's are read from it. */
  chunks?: Buffer[];
  /** How many events it holds (in `chunks`, or in its file). */
  count?: number;
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

/** A segment's lines: from memory when it still holds them, else from its file. */
export async function segmentBytes(segment: SpoolSegment): Promise<Buffer> {
  if (segment.chunks)
    return segment.chunks.length === 1 ? segment.chunks[0]! : Buffer.concat(segment.chunks);
  return segment.path ? readFile(segment.path) : Buffer.alloc(0);
}
