import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { readEventLines } from '../../domain/read-event-lines.ts';
import type { ColumnBatch } from '../../store/column-batch.ts';
import type { Store } from '../../store/store.ts';
import type { SpoolBatchReader } from './spool-batch-reader.ts';
import { createSpoolDrain } from './spool-drain.ts';

const line = (id: string) => `${JSON.stringify({ id, source: 'gateway' })}\n`;

/** Batches that carry only their events' ids, for the store below to record. */
type IdBatch = ColumnBatch & { ids: string[] };
const reader: SpoolBatchReader = {
  read(bytes) {
    const { events, skipped } = readEventLines(bytes);
    const ids = events.map((event) => event.id);
    const batch: IdBatch = { count: ids.length, columns: [], ids };
    return Promise.resolve({ batch, skipped });
  },
  close: () => Promise.resolve(),
};

/** A store that records which write each batch went through. */
function recordingStore() {
  const writes: { method: 'append' | 'appendNew'; ids: string[] }[] = [];
  const store = {
    appendColumns: (batch: IdBatch) => {
      writes.push({ method: 'append', ids: batch.ids });
      return Promise.resolve({ inserted: batch.count, duplicates: 0 });
    },
    appendNewColumns: (batch: IdBatch) => {
      writes.push({ method: 'appendNew', ids: batch.ids });
      return Promise.resolve(batch.count);
    },
  } as unknown as Store;
  return { store, writes };
}

test('segments this run wrote skip the id check; segments left by a crash are appended idempotently', async () => {
  const directory = mkdtempSync(join(tmpdir(), 'spool-drain-'));
  try {
    const left = join(directory, 'segment-000000000001.ndjson');
    // Left by a kill: the last line was cut short, and is skipped.
    writeFileSync(left, `${line('old')}{"id":"cut`);
    const { store, writes } = recordingStore();
    const logs: string[] = [];
    const drain = createSpoolDrain({ store, reader, log: (text) => logs.push(text) });
    drain.add({ path: left });
    drain.add({ chunks: [Buffer.from(line('new'))], count: 1, fresh: true });
    await drain.drain();
    assert.deepEqual(writes, [
      { method: 'append', ids: ['old'] },
      { method: 'appendNew', ids: ['new'] },
    ]);
    assert.equal(existsSync(left), false, 'the replayed file is deleted once stored');
    assert.equal(drain.pending(), 0);
    assert.ok(logs.some((text) => /skipped 1 unfinished line/.test(text)));
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
});

test('a segment whose file cannot be deleted is not appended again on the retry', async () => {
  const { store, writes } = recordingStore();
  const logs: string[] = [];
  const drain = createSpoolDrain({
    store,
    reader,
    log: (text) => logs.push(text),
  });
  // A path that does not exist: the append succeeds, the unlink fails.
  drain.add({
    path: join(tmpdir(), 'no-such-dir', 'segment.ndjson'),
    chunks: [Buffer.from(line('a'))],
    count: 1,
    fresh: true,
  });
  await drain.drain(0);
  await drain.drain(Number.MAX_SAFE_INTEGER);
  assert.deepEqual(writes, [{ method: 'appendNew', ids: ['a'] }], 'stored once');
  assert.ok(logs.some((text) => /did not take 1 segment/.test(text)));
});
