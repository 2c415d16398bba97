import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { StoreError } from '../../domain/errors/index.ts';

/**
 * DuckDB checkpoints the write-ahead log into the file once the log passes this size. At the
 * default 16 MB a steady ingest of 10,000-event batches checkpoints every few batches, each
 * time rewriting the table's unfinished row group: committing took 2.5× as long as appending
 * (9.6 s vs 3.9 s for 500k events); at 256 MB it took 2.3 s. The log is replayed on open
 * after a crash, so it stays bounded.
 */
const CHECKPOINT_THRESHOLD = '256MB';

/**
 * Opens (or creates) the DuckDB file. A file held by another process — typically a running
 * `tokenops start` — is refused with the way out, and nothing in it is touched.
 */
export async function openDuckDb(path: string): Promise<DuckDBInstance> {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  try {
    return await DuckDBInstance.create(path, { checkpoint_threshold: CHECKPOINT_THRESHOLD });
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
