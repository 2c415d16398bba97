import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { StoreError } from '../../src/domain/errors/index.ts';
import { ClickHouseStore } from '../../src/store/clickhouse/clickhouse-store.ts';
import { CLICKHOUSE_EVENT_COLUMNS } from '../../src/store/clickhouse/event-batch-tsv.ts';
import { CLICKHOUSE_SCHEMA_VERSION } from '../../src/store/clickhouse/migrations/clickhouse-migrations.ts';
import { startClickHouseServer, type ClickHouseServer } from '../helpers/clickhouse-server.ts';
import { runCliJson } from '../helpers/run-cli.ts';
import { sampleEvents } from '../helpers/sample-events.ts';
import { tempDirectory } from '../helpers/temp-directory.ts';
import { runActivityContract } from './activity-contract.ts';
import { runAlertsContract } from './alerts-contract.ts';
import { runAllocationContract } from './allocation-contract.ts';
import { runBillingContract } from './billing-contract.ts';
import { runBulkAppendContract } from './bulk-append-contract.ts';
import { unknownContractSkips } from './contract-case.ts';
import { runExperimentsContract } from './experiments-contract.ts';
import { runFeedbackContract } from './feedback-contract.ts';
import { runInsightsContract } from './insights-contract.ts';
import { runStoreContract } from './store-contract.ts';
import { CLICKHOUSE_SKIPS } from './clickhouse-skips.ts';
import { assertSameReports, paritySpecs, pricedDemoEvents } from './demo-report-parity.ts';
import { DuckDbStore } from '../../src/store/duckdb/duckdb-store.ts';

const directory = tempDirectory('clickhouse');
let server: ClickHouseServer | undefined;
before(async () => {
  server = await startClickHouseServer(directory);
  process.stderr.write(
    `clickhouse-server ${server.version}: installed in ${server.installSeconds.toFixed(1)} s, started in ${server.startSeconds.toFixed(1)} s\n`,
  );
});
after(() => server?.stop());

/** A store on its own database of the suite's server. */
const open = (database: string) => () => {
  if (!server) throw new Error('the ClickHouse server did not start (see the before hook)');
  return ClickHouseStore.open(server.url(database));
};

runStoreContract('ClickHouse', open('contract'), CLICKHOUSE_SKIPS);
runBulkAppendContract('ClickHouse', open('bulk'), CLICKHOUSE_SKIPS);
runBillingContract('ClickHouse', open('billing'), CLICKHOUSE_SKIPS);
runInsightsContract('ClickHouse', open('insights'), CLICKHOUSE_SKIPS);
runAllocationContract('ClickHouse', open('allocation'), CLICKHOUSE_SKIPS);
runActivityContract('ClickHouse', open('activity'), CLICKHOUSE_SKIPS);
runAlertsContract('ClickHouse', open('alerts'), CLICKHOUSE_SKIPS);
runExperimentsContract('ClickHouse', open('experiments'), CLICKHOUSE_SKIPS);
runFeedbackContract('ClickHouse', open('feedback'), CLICKHOUSE_SKIPS);

describe('ClickHouse store', () => {
  it('skips only contract tests that exist', () => {
    assert.deepEqual(unknownContractSkips(CLICKHOUSE_SKIPS), []);
  });

  it('writes the columns in the order migration 1 declares them', async () => {
    const store = await open('columns')();
    await store.append(sampleEvents(3, 5));
    await store.close();
    const response = await fetch(
      `${server!
        .url('columns')
        .replace('clickhouse://', 'http://')
        .replace(/\/columns$/, '')}/?query=${encodeURIComponent(
        "SELECT name FROM system.columns WHERE database = 'columns' AND table = 'events' FORMAT TabSeparated",
      )}`,
    );
    assert.deepEqual((await response.text()).trim().split('\n'), CLICKHOUSE_EVENT_COLUMNS);
  });

  it('keeps money exact: 100,000 costs of $0.00000001 sum to exactly $0.001', async () => {
    const store = await open('money')();
    const [template] = sampleEvents(1, 9);
    const cost = {
      input: 1e-8,
      cacheRead: 0,
      cacheWrite: 0,
      cacheWrite1h: 0,
      output: 0,
      reasoning: 0,
      total: 1e-8,
    };
    const events = Array.from({ length: 100_000 }, (_, index) => ({
      ...template!,
      id: `money-${index}`,
      pricing: { ...template!.pricing, list: cost, effective: cost, flags: [] },
    }));
    assert.equal(await store.appendNew(events), events.length);
    const [row] = await store.report({
      dimensions: [],
      metric: 'cost',
      grain: 'none',
      filters: [],
    });
    assert.equal(row?.cost, 0.001);
    await store.close();
  });

  it('re-prices in place: NULL costs both ways, exact decimals, other events untouched', async () => {
    const store = await open('repricing')();
    const events = sampleEvents(60, 11);
    await store.append(events);
    const unpriced = events.find((event) => event.pricing.effective === null)!;
    const [priced, longContext] = events.filter((event) => event.pricing.effective !== null);
    const cost = {
      input: 0.000123456789,
      cacheRead: 1e-12,
      cacheWrite: 0,
      cacheWrite1h: 0,
      output: 2.5,
      reasoning: 0,
      total: 2.50012345679,
    };
    const updates = [
      {
        id: unpriced.id,
        pricing: {
          ...unpriced.pricing,
          list: cost,
          effective: cost,
          flags: [],
          priceVersion: 'v2',
        },
      },
      {
        id: priced!.id,
        pricing: {
          ...priced!.pricing,
          list: null,
          effective: null,
          flags: ['price-missing' as const],
          priceVersion: "v2 'quoted'",
        },
      },
      {
        id: longContext!.id,
        pricing: { ...longContext!.pricing, contextTier: 'long' as const, priceVersion: 'v2' },
      },
    ];
    await store.updatePricing(updates);
    const stored = [];
    for await (const batch of store.eventsBetween(0, Date.UTC(2100, 0, 1), 25))
      stored.push(...batch);
    const byId = new Map(updates.map((update) => [update.id, update.pricing]));
    assert.deepEqual(
      new Map(stored.map((event) => [event.id, event])),
      new Map(
        events.map((event) => [
          event.id,
          { ...event, pricing: byId.get(event.id) ?? event.pricing },
        ]),
      ),
    );
    await store.close();
  });

  it('creates the schema with tokenops migrate, on ClickHouse and on DuckDB', () => {
    const project = join(directory, 'migrate-project');
    mkdirSync(project);
    const url = server!.url('migrated');
    writeFileSync(join(project, 'tokenops.yaml'), `store:\n  url: ${url}\n`);
    assert.deepEqual(runCliJson(['migrate'], project), [
      { store: url, schema_version: CLICKHOUSE_SCHEMA_VERSION },
    ]);
    const embedded = runCliJson<{ schema_version: number }[]>(
      ['--data', join(project, 'data'), 'migrate'],
      directory,
    );
    assert.ok((embedded[0]?.schema_version ?? 0) >= 5);
  });

  it('refuses an unreachable server with the way out', async () => {
    await assert.rejects(
      ClickHouseStore.open('clickhouse://127.0.0.1:1/tokenops'),
      (error: unknown) => {
        assert.ok(error instanceof StoreError);
        assert.match(error.message, /cannot reach ClickHouse at http:\/\/127\.0\.0\.1:1/);
        return true;
      },
    );
  });
});

describe('ClickHouse and DuckDB hold the same demo workload', () => {
  it('give identical report rows for every shape compared', async () => {
    const events = pricedDemoEvents();
    const duckdb = await DuckDbStore.open(join(directory, 'parity.duckdb'));
    const clickhouse = await open('parity')();
    try {
      await duckdb.appendNew(events);
      await clickhouse.appendNew(events);
      const rows = await assertSameReports(duckdb, clickhouse, paritySpecs(events));
      assert.ok(rows > 100, `${rows} rows compared`);
    } finally {
      await duckdb.close();
      await clickhouse.close();
    }
  });
});
