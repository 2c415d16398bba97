import assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import { createEventBatchReader } from '../../src/ingest/index.ts';
import { columnStrings } from '../../src/store/column-batch.ts';
import { DuckDbThreadStore } from '../../src/store/duckdb/duckdb-thread-store.ts';
import { isThreadHost } from '../../src/store/thread-host.ts';
import { sampleEvents } from '../helpers/sample-events.ts';
import { tempDirectory } from '../helpers/temp-directory.ts';

const directory = tempDirectory('duckdb-thread-host');
const open = (name: string) => DuckDbThreadStore.open(join(directory, `${name}.duckdb`), 'server');

/** Three events as the gateway's spool writes them: unpriced, one JSON line each. */
function spoolLines(): Buffer {
  const events = sampleEvents(3, 11).map((event) => {
    const { pricing: _pricing, ...unpriced } = event;
    return unpriced;
  });
  return Buffer.from(events.map((event) => `${JSON.stringify(event)}\n`).join(''));
}

describe('DuckDB store lending its thread (ThreadHost)', () => {
  it('reads and prices a spool segment on the store’s thread as a reader thread of its own does', async () => {
    const store = await open('reads');
    assert.ok(isThreadHost(store));
    const hosted = createEventBatchReader({ compatible: [] }, 1, 8, store);
    const own = createEventBatchReader({ compatible: [] }, 1, 8);
    try {
      const lines = spoolLines();
      const [fromHost, fromOwn] = await Promise.all([
        hosted.readSpool(new Uint8Array(lines)),
        own.readSpool(new Uint8Array(lines)),
      ]);
      assert.equal(fromHost.batch.count, 3);
      assert.equal(fromHost.skipped, 0);
      fromHost.batch.columns.forEach((column, index) => {
        const other = fromOwn.batch.columns[index]!;
        assert.deepEqual(Buffer.from(column.bytes), Buffer.from(other.bytes));
        if (column.layout === 'varchar') {
          assert.deepEqual(columnStrings(column), columnStrings(other));
        }
      });
      assert.equal(await store.appendNewColumns(fromHost.batch), 3);
      assert.equal((await store.timeRange())?.events, 3);
    } finally {
      await Promise.all([hosted.close(), own.close()]);
      await store.close();
    }
  });

  it('rejects a guest whose module cannot be loaded, naming it, and stays usable', async () => {
    const store = await open('missing-guest');
    const missing = pathToFileURL(join(directory, 'no-such-guest.js'));
    await assert.rejects(store.host(missing, {}).ready, /no-such-guest/);
    assert.equal((await store.timeRange())?.events ?? 0, 0);
    await store.close();
  });

  it('closes its guests with the store: the thread ends, and reads fail with the reason', async () => {
    const store = await open('closing');
    const reader = createEventBatchReader({ compatible: [] }, 1, 8, store);
    await reader.readSpool(new Uint8Array(0));
    // Resolves only once the thread has ended: an open guest port would keep it running.
    await store.close();
    await assert.rejects(reader.readSpool(new Uint8Array(spoolLines())), /store's thread/);
    await reader.close();
  });
});
