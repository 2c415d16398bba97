import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { StoreError } from '../../domain/errors/index.ts';

/**
 * How a store is used, which sets when DuckDB checkpoints its write-ahead log into the file.
 * - `bulk` (commands that load and exit: demo, import…): at 256 MB. At DuckDB's default 16 MB
 *   a steady ingest of 10,000-event batches checkpoints every few batches, each time rewriting
 *   the table's unfinished row group: committing took 2.5× as long as appending (9.6 s vs
 *   3.9 s for 500k events); at 256 MB it took 2.3 s.
 * - `server` (`tokenops start`): at 32 MB. Rows appended since the last checkpoint stay in
 *   memory, ~600 bytes each: a gateway appending for hours held 172 MB of them after 300k
 *   events at 256 MB (and would hold ~460 MB before its first checkpoint), against a steady
 *   ~35 MB at 16 MB.
 * The log is replayed on open after a crash, so it stays bounded either way.
 */
export type DuckDbWorkload = 'bulk' | 'server';

const CHECKPOINT_THRESHOLD: Record<DuckDbWorkload, string> = { bulk: '256MB', server: '32MB' };

/**
 * Opens (or creates) the DuckDB file. A file held by another process — typically a running
 * `tokenops start` — is refused with the way out, and nothing in it is touched.
 */
export async function openDuckDb(
  path: string,
  workload: DuckDbWorkload = 'bulk',
): Promise<DuckDBInstance> {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  try {
    return await DuckDBInstance.create(path, {
      checkpoint_threshold: CHECKPOINT_THRESHOLD[workload],
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const lock = /Conflicting lock is held in (.+?) \(PID (\d+)\)/.exec(message);
    if (lock || /Could not set lock on file/.test(message)) {
      const holder = lock ? `${lock[1]} (PID ${lock[2]})` : 'another process';
      throw new StoreError(
        `the store ${path} is in use by ${holder}`,
        'stop that process, or send this command to it with --server http://HOST:PORT',
      );
    }
    throw new StoreError(
      `cannot open the store ${path}: ${message.split('\n')[0] ?? message}`,
      'check the path given by --data or store.url, its permissions and free disk space',
    );
  }
}
