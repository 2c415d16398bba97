import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { StoreError } from '../../src/domain/errors/index.ts';
import type { PricedUsageEvent } from '../../src/domain/usage-event.ts';
import { ClickHouseStore } from '../../src/store/clickhouse/clickhouse-store.ts';
import { CLICKHOUSE_SCHEMA_VERSION } from '../../src/store/clickhouse/migrations/clickhouse-migrations.ts';
import type { Dimension, ReportRow } from '../../src/store/report-spec.ts';
import {
  reserveClickHouseReplicaPorts,
  startClickHouseServer,
  type ClickHouseServer,
} from '../helpers/clickhouse-server.ts';
import { expectedReport } from '../helpers/expected-report.ts';
import { sampleEvents } from '../helpers/sample-events.ts';
import { tempDirectory } from '../helpers/temp-directory.ts';
import { startZooKeeperServer, type ZooKeeperServer } from '../helpers/zookeeper-server.ts';
import { assertSameReports, paritySpecs, pricedDemoEvents } from './demo-report-parity.ts';

// One shard of two replicas and a ZooKeeper, as docs/deployment.md describes. The tests run
// in order: each builds on what the one before stored.
const CLUSTER = 'tokenops_cluster';
const DATABASE = 'tokenops';
const SYNC_WITHIN_MS = 30_000;
const MARCH = { from: Date.UTC(2026, 2, 1), to: Date.UTC(2026, 3, 1) };

const directory = tempDirectory('clickhouse-replicated');
let zookeeper: ZooKeeperServer | undefined;
const replicas: ClickHouseServer[] = [];
before(async () => {
  zookeeper = await startZooKeeperServer(join(directory, 'zookeeper'));
  const ports = await reserveClickHouseReplicaPorts(2);
  const replication = { zookeeper, cluster: CLUSTER, replicas: ports };
  for (const [replica] of ports.entries()) {
    const where = join(directory, `clickhouse-${replica + 1}`);
    replicas.push(await startClickHouseServer(where, { ...replication, replica }));
  }
  process.stderr.write(
    `zookeeper: installed in ${zookeeper.installSeconds.toFixed(1)} s, started in ${zookeeper.startSeconds.toFixed(1)} s; ` +
      `clickhouse-server ${replicas[0]!.version} ×2: started in ${replicas.map((server) => server.startSeconds.toFixed(1)).join(' s, ')} s\n`,
  );
});
after(async () => {
  for (const store of stores) await store.close().catch(() => undefined);
  for (const server of replicas) await server.stop();
  await zookeeper?.stop();
});

const stores: ClickHouseStore[] = [];
/** A store through one replica, `?cluster=` as a gateway behind a load balancer has it. */
async function storeOn(replica: number): Promise<ClickHouseStore> {
  const server = replicas[replica];
  if (!server) throw new Error('the cluster did not start (see the before hook)');
  const store = await ClickHouseStore.open(`${server.url(DATABASE)}?cluster=${CLUSTER}`);
  stores.push(store);
  return store;
}

/** A statement straight to one replica's HTTP interface (POST: 18.16 runs GET read-only). */
async function query(replica: number, sql: string): Promise<string> {
  const response = await fetch(`${replicas[replica]!.origin}/?database=${DATABASE}`, {
    method: 'POST',
    body: sql,
    signal: AbortSignal.timeout(SYNC_WITHIN_MS),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`replica ${replica + 1}: ${text}`);
  return text.trim();
}

/** Re-checks a real cluster's state until it holds or the bound runs out: no event to wait on. */
async function eventually(check: () => Promise<void>): Promise<void> {
  const deadline = performance.now() + SYNC_WITHIN_MS;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (performance.now() > deadline) throw error;
      await sleep(200);
    }
  }
}

/** Report rows held against the sums of the events that went in. */
function assertReportOf(
  rows: readonly ReportRow[],
  events: readonly PricedUsageEvent[],
  dimensions: Dimension[],
): void {
  const expected = expectedReport(events, dimensions, 'none');
  assert.equal(rows.length, expected.size);
  for (const row of rows) {
    const key = dimensions.map((dimension) => String(row[dimension])).join('|');
    const want = expected.get(key);
    assert.ok(want, `unexpected row ${key}`);
    for (const [column, value] of Object.entries(want)) {
      if (column === 'cost' || column === 'list_cost') {
        assert.ok(Math.abs(Number(row[column]) - value) < 1e-9, `${column} of ${key}`);
      } else assert.equal(row[column], value, `${column} of ${key}`);
    }
  }
}

const report = (store: ClickHouseStore, dimensions: Dimension[]) =>
  store.report({ dimensions, metric: 'cost', grain: 'none', filters: [] });

/** The events, a new price on each priced one at every fifth place. */
function repriced(events: readonly PricedUsageEvent[]): PricedUsageEvent[] {
  const cost = {
    input: 0.000123456789,
    cacheRead: 1e-12,
    cacheWrite: 0,
    cacheWrite1h: 0,
    output: 2.5,
    reasoning: 0,
    total: 2.50012345679,
  };
  return events.map((event, index) =>
    event.pricing.effective !== null && index % 5 === 0
      ? { ...event, pricing: { ...event.pricing, list: cost, effective: cost, priceVersion: 'v2' } }
      : event,
  );
}

describe('ClickHouse store on a cluster of two replicas', () => {
  const sample = sampleEvents(500, 21);
  const demo = pricedDemoEvents();
  let current = sample;
  let first: ClickHouseStore;
  let second: ClickHouseStore;

  it('creates the schema ON CLUSTER: every table, replicated, on both replicas', async () => {
    first = await storeOn(0);
    assert.equal(await first.schemaVersion(), CLICKHOUSE_SCHEMA_VERSION);
    const names = ['alert_deliveries', 'alerts', 'billing_lines', 'budgets', 'events', 'revenue'];
    const engines = [
      ...names.map((name) => `${name}\tReplicatedReplacingMergeTree`),
      'schema_migrations\tReplicatedMergeTree',
    ];
    for (const replica of [0, 1]) {
      const tables = await query(
        replica,
        `SELECT name, engine FROM system.tables WHERE database = '${DATABASE}'
         ORDER BY name FORMAT TabSeparated`,
      );
      assert.equal(tables, engines.join('\n'), `tables of replica ${replica + 1}`);
      const states = await query(
        replica,
        `SELECT table, total_replicas, active_replicas FROM system.replicas
         WHERE database = '${DATABASE}' ORDER BY table FORMAT TabSeparated`,
      );
      const expected = [...names, 'schema_migrations'].map((name) => `${name}\t2\t2`);
      assert.equal(states, expected.join('\n'), `replicas seen from replica ${replica + 1}`);
    }
    // The schema is current: opening through the other replica runs no DDL.
    second = await storeOn(1);
    assert.equal(await second.schemaVersion(), CLICKHOUSE_SCHEMA_VERSION);
  });

  it('refuses ?cluster= on tables one server made, and a cluster the servers do not know', async () => {
    const plain = replicas[0]!.url('single');
    await (await ClickHouseStore.open(plain)).close();
    await assert.rejects(ClickHouseStore.open(`${plain}?cluster=${CLUSTER}`), (error: unknown) => {
      assert.ok(error instanceof StoreError);
      assert.match(
        error.message,
        /not replicated \(alert_deliveries, .*events, revenue, schema_migrations\)/,
      );
      return true;
    });
    await assert.rejects(ClickHouseStore.open(`${plain}?cluster=elsewhere`), (error: unknown) => {
      assert.ok(error instanceof StoreError);
      assert.match(error.message, /no cluster elsewhere in its remote_servers/);
      return true;
    });
  });

  it('reads events appended through replica 1 back through replica 2, row for row', async () => {
    assert.deepEqual(await first.append(sample), { inserted: sample.length, duplicates: 0 });
    assert.equal(await first.appendNew(demo), demo.length);
    await query(1, `SYSTEM SYNC REPLICA ${DATABASE}.events`);
    const rows = await assertSameReports(first, second, paritySpecs([...sample, ...demo]));
    assert.ok(rows > 100, `${rows} rows compared`);
    assertReportOf(await report(second, BY), [...sample, ...demo], BY);
    // A retry through the other replica finds the events stored and writes none again.
    assert.deepEqual(await second.append(sample.slice(0, 50)), { inserted: 0, duplicates: 50 });
  });

  it('shows a re-price through replica 2 and a delete through replica 1 on the other at once', async () => {
    current = repriced(sample);
    await second.updatePricing(updatesTo(current, sample));
    // No sync: the store waits until every active replica has applied its mutation.
    assert.deepEqual(await storedById(first), new Map(current.map((event) => [event.id, event])));
    assert.equal(await first.deleteSource('demo'), demo.length);
    assertReportOf(await report(second, BY), current, BY);
    // Written again after the delete (`tokenops demo` run twice): the very insert block a
    // replicated table drops as a retry, unless the store turns that off.
    assert.equal(await second.appendNew(demo), demo.length);
    await query(0, `SYSTEM SYNC REPLICA ${DATABASE}.events`);
    assert.equal(await first.deleteSource('demo'), demo.length);
  });

  it('keeps taking events through replica 1 while replica 2 is down; replica 2 catches up', async () => {
    await replicas[1]!.stop();
    // A gateway restarting now opens its store: the schema is current, so no ON CLUSTER DDL
    // waits for the stopped replica.
    const reopened = await storeOn(0);
    const later = sampleEvents(300, 22);
    assert.deepEqual(await reopened.append(later), { inserted: later.length, duplicates: 0 });
    // A mutation now returns once ZooKeeper no longer counts replica 2 active.
    const laterRepriced = repriced(later);
    const started = performance.now();
    await reopened.updatePricing(updatesTo(laterRepriced, later));
    const mutationSeconds = (performance.now() - started) / 1000;
    await replicas[1]!.restart();
    const back = await storeOn(1);
    const everything = [...current, ...laterRepriced];
    await eventually(async () => {
      assert.deepEqual(
        await storedById(back),
        new Map(everything.map((event) => [event.id, event])),
      );
    });
    assertReportOf(await report(back, BY), everything, BY);
    assert.deepEqual(await report(back, BY), await report(reopened, BY));
    process.stderr.write(
      `a re-price with replica 2 down returned in ${mutationSeconds.toFixed(1)} s\n`,
    );
  });

  it('refuses writes with the way out while ZooKeeper is down, still reports, then writes again', async () => {
    const before = await report(first, BY);
    await zookeeper!.stop();
    const more = sampleEvents(50, 23);
    await assert.rejects(first.append(more), (error: unknown) => {
      assert.ok(error instanceof StoreError);
      assert.match(error.message, /code (225|242|999)\b/);
      assert.match(error.fix, /ZooKeeper/);
      return true;
    });
    assert.deepEqual(await report(first, BY), before);
    await zookeeper!.restart();
    // A refused insert stored nothing: once the session is back, the same batch goes in whole.
    await eventually(async () => {
      assert.deepEqual(await first.append(more), { inserted: more.length, duplicates: 0 });
    });
  });
});

const BY: Dimension[] = ['team', 'provider'];

/** The pricing updates that turn `before` into `after` (the events whose pricing changed). */
function updatesTo(after: readonly PricedUsageEvent[], before: readonly PricedUsageEvent[]) {
  const updates = after
    .filter((event, index) => event !== before[index])
    .map((event) => ({ id: event.id, pricing: event.pricing }));
  assert.ok(updates.length > 20, `${updates.length} events re-priced`);
  return updates;
}

/** The sample events (March 2026) a store reads back, by id. */
async function storedById(store: ClickHouseStore): Promise<Map<string, PricedUsageEvent>> {
  const stored = new Map<string, PricedUsageEvent>();
  for await (const batch of store.eventsBetween(MARCH.from, MARCH.to, 200)) {
    for (const event of batch) stored.set(event.id, event);
  }
  return stored;
}
