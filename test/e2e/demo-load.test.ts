import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { buildPricer, buildPricerSpec } from '../../src/cli/build-pricer.ts';
import { configSchema } from '../../src/config/index.ts';
import {
  demoColumnBatches,
  generateDemoWorkload,
  loadDemoWorkload,
  planDemoWorkload,
  type DemoOptions,
} from '../../src/demo/index.ts';
import type { PricedUsageEvent } from '../../src/domain/usage-event.ts';
import { columnStrings, toColumnBatch } from '../../src/store/column-batch.ts';
import { DuckDbStore } from '../../src/store/duckdb/duckdb-store.ts';
import { EVENT_COLUMNS } from '../../src/store/event-columns.ts';
import { tempDirectory } from '../helpers/temp-directory.ts';

const directory = tempDirectory('demo-load');
const OPTIONS: DemoOptions = { days: 2, seed: 9, end: Date.UTC(2026, 5, 3), eventsPerDay: 3000 };
const config = configSchema.parse({});

/** The workload generated and priced on this thread, in batches of `size`. */
function pricedHere(size: number): PricedUsageEvent[][] {
  const pricer = buildPricer(config);
  return [...generateDemoWorkload(OPTIONS, size)].map((batch) =>
    batch.map((event) => ({ ...event, pricing: pricer.price(event) })),
  );
}

const plain = (events: readonly PricedUsageEvent[]): unknown =>
  JSON.parse(JSON.stringify([...events].sort((a, b) => (a.id < b.id ? -1 : 1))));

describe('demo load on a worker thread', () => {
  it('yields the batches, columns and costs of the workload generated on this thread', async () => {
    const expected = pricedHere(1000);
    const received = [];
    for await (const generated of demoColumnBatches(OPTIONS, buildPricerSpec(config), 1000)) {
      received.push(generated);
    }
    assert.equal(received.length, expected.length);
    received.forEach(({ batch, cost }, index) => {
      const here = toColumnBatch(EVENT_COLUMNS, expected[index]!);
      assert.equal(batch.count, here.count);
      here.columns.forEach((column, at) => {
        const name = EVENT_COLUMNS[at]!.name;
        assert.deepEqual(columnStrings(batch.columns[at]!), column.strings, name);
        assert.deepEqual(new Uint8Array(batch.columns[at]!.bytes), new Uint8Array(column.bytes));
      });
      const hereCost = expected[index]!.reduce(
        (sum, e) => sum + (e.pricing.effective?.total ?? 0),
        0,
      );
      assert.ok(Math.abs(cost - hereCost) < 1e-9, `batch ${index}: ${cost} vs ${hereCost}`);
    });
  });

  it('writes every event of the workload to the store, field for field', async () => {
    const store = await DuckDbStore.open(join(directory, 'demo.duckdb'));
    const counted: number[] = [];
    const load = await loadDemoWorkload(store, OPTIONS, buildPricerSpec(config), (events) =>
      counted.push(events),
    );
    const expected = pricedHere(50_000).flat();
    assert.equal(load.events, planDemoWorkload(OPTIONS).totalEvents);
    assert.equal(load.events, expected.length);
    assert.equal(
      counted.reduce((sum, events) => sum + events, 0),
      load.events,
    );
    const stored: PricedUsageEvent[] = [];
    for await (const page of store.eventsBetween(0, OPTIONS.end, 2000)) stored.push(...page);
    assert.deepEqual(plain(stored), plain(expected));
    await store.close();
  });

  it('stops its thread when the reader stops early', async () => {
    let batches = 0;
    for await (const generated of demoColumnBatches(OPTIONS, buildPricerSpec(config), 500)) {
      batches += generated.batch.count > 0 ? 1 : 0;
      break;
    }
    assert.equal(batches, 1);
  });

  it('fails with the generator thread’s own error', async () => {
    const reading = (async () => {
      const broken = { ...OPTIONS, end: Number.NaN };
      for await (const generated of demoColumnBatches(broken, buildPricerSpec(config), 500)) {
        assert.fail(`no batch expected, got ${generated.batch.count} events`);
      }
    })();
    await assert.rejects(reading, /the demo generator failed: RangeError: end must be whole/);
  });
});
