import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { StoreError } from '../../domain/errors/index.ts';

/**
 * Opens (or creates) the DuckDB file. A file held by another process — typically a running
 * `tokenops start` — is refused with the way out, and nothing in it is touched.
 */
export async function openDuckDb(path: string): Promise<DuckDBInstance> {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  try {
    return await DuckDBInstance.create(path);
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
