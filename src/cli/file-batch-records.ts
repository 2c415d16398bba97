import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { UpstreamError } from '../domain/errors/index.ts';
import type { BatchRecord, BatchRecords } from '../optimize/batch/index.ts';

/**
 * Batch records as `DIR/ID.json`, one file per batch, written to a temporary name and renamed
 * so a crash never leaves half a record. Ids are the provider's (`batch_…`, `msgbatch_…`);
 * anything that could leave the directory is refused as not found.
 */
export function createFileBatchRecords(directory: string): BatchRecords {
  const path = (id: string) => join(directory, `${id}.json`);
  const safe = (id: string) => /^[A-Za-z0-9_-]{1,200}$/.test(id);
  return {
    async save(record) {
      if (!safe(record.id)) {
        throw new UpstreamError(
          `the provider answered with a batch id tokenops cannot keep: "${record.id}"`,
          "check providers' baseUrl in tokenops.yaml points at the provider's API",
        );
      }
      await mkdir(directory, { recursive: true });
      const temporary = `${path(record.id)}.tmp`;
      await writeFile(temporary, `${JSON.stringify(record, null, 2)}\n`);
      await rename(temporary, path(record.id));
    },
    async find(id) {
      if (!safe(id)) return undefined;
      try {
        return JSON.parse(await readFile(path(id), 'utf8')) as BatchRecord;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw error;
      }
    },
    async list() {
      let names: string[];
      try {
        names = await readdir(directory);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
        throw error;
      }
      const records = await Promise.all(
        names
          .filter((name) => name.endsWith('.json'))
          .map(
            async (name) =>
              JSON.parse(await readFile(join(directory, name), 'utf8')) as BatchRecord,
          ),
      );
      return records.sort((a, b) => b.submittedAt.localeCompare(a.submittedAt));
    },
  };
}
