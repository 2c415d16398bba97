import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import type { UsageEvent } from '../../domain/usage-event.ts';
import type { Pricer } from '../../pricing/index.ts';
import type { Store } from '../../store/store.ts';
import { createSpoolDrain } from './spool-drain.ts';

const event = (id: string) => ({ id, source: 'gateway' }) as unknown as UsageEvent;
const pricer = { price: () => ({}) } as unknown as Pricer;

/** A store that records which write each batch went through. */
function recordingStore() {
  const writes: { method: 'append' | 'appendNew'; ids: string[] }[] = [];
  const store = {
    append: (events: UsageEvent[]) => {
      writes.push({ method: 'append', ids: events.map((e) => e.id) });
      return Promise.resolve({ inserted: events.length, duplicates: 0 });
    },
    appendNew: (events: UsageEvent[]) => {
      writes.push({ method: 'appendNew', ids: events.map((e) => e.id) });
      return Promise.resolve(events.length);
    },
  } as unknown as Store;
  return { store, writes };
}

test('segments this run wrote skip the id check; segments left by a crash are appended idempotently', async () => {
  const directory = mkdtempSync(join(tmpdir(), 'spool-drain-'));
  try {
    const left = join(directory, 'segment-000000000001.ndjson');
    writeFileSync(left, `${JSON.stringify(event('old'))}\n`);
    const { store, writes } = recordingStore();
    const drain = createSpoolDrain({ store, pricer: () => Promise.resolve(pricer), log: () => {} });
    drain.add({ path: left });
    drain.add({ events: [event('new')], fresh: true });
    await drain.drain();
    assert.deepEqual(writes, [
      { method: 'append', ids: ['old'] },
      { method: 'appendNew', ids: ['new'] },
    ]);
    assert.equal(existsSync(left), false, 'the replayed file is deleted once stored');
    assert.equal(drain.pending(), 0);
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
});

test('a segment whose file cannot be deleted is not appended again on the retry', async () => {
  const { store, writes } = recordingStore();
  const logs: string[] = [];
  const drain = createSpoolDrain({
    store,
    pricer: () => Promise.resolve(pricer),
    log: (line) => logs.push(line),
  });
  // A path that does not exist: the append succeeds, the unlink fails.
  drain.add({
    path: join(tmpdir(), 'no-such-dir', 'segment.ndjson'),
    events: [event('a')],
    fresh: true,
  });
  await drain.drain(0);
  await drain.drain(Number.MAX_SAFE_INTEGER);
  assert.deepEqual(writes, [{ method: 'appendNew', ids: ['a'] }], 'stored once');
  assert.ok(logs.some((line) => /did not take 1 segment/.test(line)));
});
