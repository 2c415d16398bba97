import assert from 'node:assert/strict';
import { after, before, describe } from 'node:test';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { PricedUsageEvent } from '../../src/domain/usage-event.ts';
import { toColumnBatch } from '../../src/store/column-batch.ts';
import { EVENT_COLUMNS } from '../../src/store/event-columns.ts';
import { packColumnBatch, unpackColumnBatch } from '../../src/store/packed-column-batch.ts';
import type { Store } from '../../src/store/store.ts';
import { sampleEvents } from '../helpers/sample-events.ts';
import { contractCase, type ContractSkips } from './contract-case.ts';

/** Sample events with a request id each (sent as text) and 300 customers (a dictionary). */
function bulkEvents(count: number): PricedUsageEvent[] {
  return sampleEvents(count, 23).map((event, index) => ({
    ...event,
    requestId: `req-${index}-✓`,
    tags: { ...event.tags, customer: `customer-${index % 300}` },
  }));
}

/** Sorted by id, as plain JSON (absent and undefined fields alike). */
const byId = (events: readonly PricedUsageEvent[]): unknown =>
  JSON.parse(JSON.stringify([...events].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))));

/**
 * `appendNewColumns` with a batch laid out and packed on another thread, as the demo loader
 * and the events API send them: every field of every event reads back as it went in.
 */
export function runBulkAppendContract(
  name: string,
  openStore: () => Promise<Store>,
  skips: ContractSkips = {},
): void {
  describe(`Bulk append contract: ${name}`, () => {
    const it = contractCase(skips);
    let store: Store;
    before(async () => (store = await openStore()));
    after(() => store.close());

    it('stores a packed column batch field for field', async () => {
      const events = bulkEvents(4000);
      const { packed, transfer } = packColumnBatch(toColumnBatch(EVENT_COLUMNS, events));
      const batch = unpackColumnBatch(structuredClone(packed, { transfer }));
      assert.ok(batch.columns.some((column) => column.dictionary !== undefined));
      assert.equal(await store.appendNewColumns(batch), 4000);
      const stored: PricedUsageEvent[] = [];
      for await (const page of store.eventsBetween(0, Date.UTC(2100, 0, 1), 1000)) {
        stored.push(...page);
      }
      assert.deepEqual(byId(stored), byId(events));
    });

    it('stores a stream of batches, and only whole batches of one that fails', async () => {
      const events = bulkEvents(3000).map((event) => ({
        ...event,
        id: `stream-${event.id}`,
        timestamp: event.timestamp + YEAR,
      }));
      const laidOut = (from: number, to: number) =>
        toColumnBatch(EVENT_COLUMNS, events.slice(from, to));
      // Each batch arrives a turn later, as from another thread.
      async function* stream() {
        for (const [from, to] of [
          [0, 1000],
          [1000, 2500],
          [2500, 3000],
        ] as const) {
          await nextTurn();
          yield laidOut(from, to);
        }
      }
      assert.equal(await store.appendNewStream(stream()), 3000);
      assert.deepEqual(byId(await storedBetween(store, YEAR)), byId(events));

      const failing = events.map((event) => ({
        ...event,
        id: `failed-${event.id}`,
        timestamp: event.timestamp + YEAR,
      }));
      async function* broken() {
        await nextTurn();
        yield toColumnBatch(EVENT_COLUMNS, failing.slice(0, 1000));
        await nextTurn();
        throw new Error('the generator thread died');
      }
      await assert.rejects(store.appendNewStream(broken()), /the generator thread died/);
      const kept = await storedBetween(store, 2 * YEAR);
      assert.ok(kept.length === 0 || kept.length === 1000, `${kept.length} events kept`);
    });
  });
}

const YEAR = 365 * 86_400_000;

/** The events stored from `offset` after the sample events' time on, for a year. */
async function storedBetween(store: Store, offset: number): Promise<PricedUsageEvent[]> {
  const from = Date.UTC(2026, 0, 1) + offset;
  const stored: PricedUsageEvent[] = [];
  for await (const page of store.eventsBetween(from, from + YEAR, 1000)) stored.push(...page);
  return stored;
}
