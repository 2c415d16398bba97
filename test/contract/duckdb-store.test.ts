import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { DuckDBInstance } from '@duckdb/node-api';
import { StoreError } from '../../src/domain/errors/index.ts';
import { EVENT_COLUMN_NAMES } from '../../src/store/event-columns.ts';
import { DuckDbStore } from '../../src/store/duckdb/duckdb-store.ts';
import { sampleEvents } from '../helpers/sample-events.ts';
import { holdDuckDbFile } from '../helpers/hold-duckdb-file.ts';
import { tempDirectory } from '../helpers/temp-directory.ts';
import { runActivityContract } from './activity-contract.ts';
import { runAlertsContract } from './alerts-contract.ts';
import { runAllocationContract } from './allocation-contract.ts';
import { runBillingContract } from './billing-contract.ts';
import { runExperimentsContract } from './experiments-contract.ts';
import { runFeedbackContract } from './feedback-contract.ts';
import { runInsightsContract } from './insights-contract.ts';
import { runStoreContract } from './store-contract.ts';
import { runBulkAppendContract } from './bulk-append-contract.ts';

const directory = tempDirectory('duckdb');

runStoreContract('DuckDB file', () => DuckDbStore.open(join(directory, 'contract.duckdb')));
runBulkAppendContract('DuckDB file', () => DuckDbStore.open(join(directory, 'bulk.duckdb')));
runBillingContract('DuckDB file', () => DuckDbStore.open(join(directory, 'billing.duckdb')));
runInsightsContract('DuckDB file', () => DuckDbStore.open(join(directory, 'insights.duckdb')));
runAllocationContract('DuckDB file', () => DuckDbStore.open(join(directory, 'allocation.duckdb')));
runActivityContract('DuckDB file', () => DuckDbStore.open(join(directory, 'activity.duckdb')));
runAlertsContract('DuckDB file', () => DuckDbStore.open(join(directory, 'alerts.duckdb')));
runExperimentsContract('DuckDB file', () =>
  DuckDbStore.open(join(directory, 'experiments.duckdb')),
);
runFeedbackContract('DuckDB file', () => DuckDbStore.open(join(directory, 'feedback.duckdb')));

describe('DuckDB store', () => {
  it('writes the columns in the order migration 1 declares them', async () => {
    const file = join(directory, 'columns.duckdb');
    await (await DuckDbStore.open(file)).close();
    const instance = await DuckDBInstance.create(file);
    const connection = await instance.connect();
    const reader = await connection.runAndReadAll(
      "SELECT column_name FROM information_schema.columns WHERE table_name = 'events' ORDER BY ordinal_position",
    );
    assert.deepEqual(
      reader.getRowObjectsJS().map((row) => row.column_name),
      [...EVENT_COLUMN_NAMES],
    );
    connection.closeSync();
    instance.closeSync();
  });

  it('takes concurrent calls one at a time (the server calls it from many requests)', async () => {
    const store = await DuckDbStore.open(join(directory, 'concurrent.duckdb'));
    const events = sampleEvents(600, 17);
    const results = await Promise.all([
      store.append(events.slice(0, 200)),
      store.append(events.slice(200, 400)),
      store.report({ dimensions: [], metric: 'cost', grain: 'none', filters: [] }),
      store.append(events.slice(400)),
      store.append(events.slice(0, 300)),
    ]);
    assert.equal(results.length, 5);
    assert.equal((await store.timeRange())?.events, 600);
    await store.close();
  });

  it('stores a batch whole or not at all', async () => {
    const store = await DuckDbStore.open(join(directory, 'atomic.duckdb'));
    const [good, bad] = sampleEvents(2, 23);
    // 2^40 tokens does not fit the INTEGER column: the appender fails on the second row.
    bad!.tokens = { ...bad!.tokens, input: 2 ** 40 };
    await assert.rejects(store.append([good!, bad!]));
    assert.equal(await store.timeRange(), null);
    assert.deepEqual(await store.append([good!]), { inserted: 1, duplicates: 0 });
    await store.close();
  });

  it('refuses a file held by another process, saying who holds it, and touches nothing', async () => {
    const file = join(directory, 'locked.duckdb');
    const store = await DuckDbStore.open(file);
    await store.append(sampleEvents(50, 3));
    await store.close();
    const holder = await holdDuckDbFile(file);
    try {
      await assert.rejects(DuckDbStore.open(file), (error: unknown) => {
        assert.ok(error instanceof StoreError);
        assert.match(error.message, new RegExp(`in use by .*PID ${holder.pid}`));
        assert.match(error.fix, /--server/);
        return true;
      });
    } finally {
      await holder.release();
    }
    const reopened = await DuckDbStore.open(file);
    assert.equal((await reopened.timeRange())?.events, 50);
    await reopened.close();
  });
});
