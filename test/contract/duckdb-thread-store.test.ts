import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { StoreError } from '../../src/domain/errors/index.ts';
import { toColumnBatch } from '../../src/store/column-batch.ts';
import { DuckDbThreadStore } from '../../src/store/duckdb/duckdb-thread-store.ts';
import { EVENT_COLUMNS } from '../../src/store/event-columns.ts';
import { sampleEvents } from '../helpers/sample-events.ts';
import { holdDuckDbFile } from '../helpers/hold-duckdb-file.ts';
import { tempDirectory } from '../helpers/temp-directory.ts';
import { runActivityContract } from './activity-contract.ts';
import { runAlertsContract } from './alerts-contract.ts';
import { runAllocationContract } from './allocation-contract.ts';
import { runBillingContract } from './billing-contract.ts';
import { runBulkAppendContract } from './bulk-append-contract.ts';
import { runExperimentsContract } from './experiments-contract.ts';
import { runFeedbackContract } from './feedback-contract.ts';
import { runInsightsContract } from './insights-contract.ts';
import { runStoreContract } from './store-contract.ts';

const directory = tempDirectory('duckdb-thread');
const open = (name: string) => () =>
  DuckDbThreadStore.open(join(directory, `${name}.duckdb`), 'server');
const adapter = 'DuckDB on its own thread';

runStoreContract(adapter, open('contract'));
runBulkAppendContract(adapter, open('bulk'));
runBillingContract(adapter, open('billing'));
runInsightsContract(adapter, open('insights'));
runAllocationContract(adapter, open('allocation'));
runActivityContract(adapter, open('activity'));
runAlertsContract(adapter, open('alerts'));
runExperimentsContract(adapter, open('experiments'));
runFeedbackContract(adapter, open('feedback'));

describe('DuckDB store on its own thread', () => {
  it('refuses a file held by another process with the StoreError and fix DuckDbStore gives', async () => {
    const file = join(directory, 'locked.duckdb');
    const holder = await holdDuckDbFile(file);
    try {
      await assert.rejects(DuckDbThreadStore.open(file, 'server'), (error: unknown) => {
        assert.ok(error instanceof StoreError);
        assert.equal(error.httpStatus, 503);
        assert.match(error.message, new RegExp(`in use by .*PID ${holder.pid}`));
        assert.match(error.fix, /--server/);
        return true;
      });
    } finally {
      await holder.release();
    }
  });

  it('passes a failed call’s error back, keeps the caller’s batch readable and stays usable', async () => {
    const store = await DuckDbThreadStore.open(join(directory, 'failing.duckdb'), 'server');
    const batch = toColumnBatch(EVENT_COLUMNS, sampleEvents(1, 5));
    // A batch a column short: DuckDB's appender refuses it on the store's thread.
    const short = { count: 1, columns: batch.columns.slice(0, -1) };
    await assert.rejects(store.appendNewColumns(short), (error: unknown) => {
      assert.ok(error instanceof Error);
      assert.match(error.message, /column/i);
      return true;
    });
    assert.equal(await store.appendNewColumns(batch), 1);
    // Copied across, not moved: the caller's buffers are still there.
    assert.equal(batch.columns[1]?.bytes.byteLength, 8);
    assert.equal((await store.timeRange())?.events, 1);
    await store.close();
  });

  it('answers every call made before close, then closes the file for the next opener', async () => {
    const file = join(directory, 'closing.duckdb');
    const store = await DuckDbThreadStore.open(file, 'server');
    const events = sampleEvents(300, 9);
    const appends = [0, 100, 200].map((start) => store.append(events.slice(start, start + 100)));
    const closed = store.close();
    assert.deepEqual(
      (await Promise.all(appends)).map((result) => result.inserted),
      [100, 100, 100],
    );
    await closed;
    const reopened = await DuckDbThreadStore.open(file, 'server');
    assert.equal((await reopened.timeRange())?.events, 300);
    await reopened.close();
  });
});
