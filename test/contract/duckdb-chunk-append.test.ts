import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { PricedUsageEvent } from '../../src/domain/usage-event.ts';
import { DuckDbStore } from '../../src/store/duckdb/duckdb-store.ts';
import { sampleEvents } from '../helpers/sample-events.ts';
import { tempDirectory } from '../helpers/temp-directory.ts';

const directory = tempDirectory('duckdb-chunks');

/**
 * Optional fields mixed in the first 2048-row chunk, all filled in the second and all missing
 * in the third, so a NULL mask or value left over from the chunk before would show.
 */
function varied(count: number): PricedUsageEvent[] {
  return sampleEvents(count, 31).map((event, index) => {
    const chunk = Math.floor(index / 2048);
    const filled = chunk === 0 ? index % 3 !== 0 : chunk === 1;
    if (!filled) return event;
    return {
      ...event,
      requestId: `req-${index}`,
      traceId: `trace-${index % 97}`,
      spanId: `span-${index}`,
      parentSpanId: index % 2 === 0 ? `span-${index - 1}` : undefined,
      operation: 'chat',
      requestedModel: 'gpt-4o',
      prompt: { systemPromptTokens: index % 500, toolDefinitionTokens: 7 },
      latencyMs: 12.5 + index,
      timeToFirstTokenMs: 3.25,
      status: index % 5 === 0 ? 'error' : 'ok',
      errorKind: index % 5 === 0 ? 'rate_limit' : undefined,
      attempt: 2,
      retryOf: `req-${index - 1}`,
      cacheOutcome: 'miss',
      promptFingerprint: 'a1b2c3d4e5f60718',
      outcome: 'success',
      score: 0.75,
      givenCost: 0.125,
    };
  });
}

/** Sorted by id, as plain JSON (absent and undefined fields alike). */
const byId = (events: PricedUsageEvent[]): unknown =>
  JSON.parse(JSON.stringify([...events].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))));

describe('DuckDB chunked append', () => {
  it('reads back every field of every event over several chunks of changing NULLs', async () => {
    const store = await DuckDbStore.open(join(directory, 'roundtrip.duckdb'));
    const events = varied(5000);
    assert.deepEqual(await store.append(events), { inserted: 5000, duplicates: 0 });
    const stored: PricedUsageEvent[] = [];
    for await (const batch of store.eventsBetween(0, Date.UTC(2030, 0, 1), 1000))
      stored.push(...batch);
    assert.deepEqual(byId(stored), byId(events));
    await store.close();
  });

  it('keeps a pico-dollar and a cost above $9,007 (past 2^53 pico-dollars) exact', async () => {
    const store = await DuckDbStore.open(join(directory, 'money.duckdb'));
    const [event] = sampleEvents(1, 5);
    const costs = {
      input: 1e-12,
      cacheRead: 0,
      cacheWrite: 0,
      cacheWrite1h: 0,
      output: 12345.678901234,
      reasoning: 0,
      total: 12345.678901234001,
    };
    await store.append([
      { ...event!, pricing: { ...event!.pricing, effective: costs, list: costs } },
    ]);
    const stored: PricedUsageEvent[] = [];
    for await (const batch of store.eventsBetween(0, Date.UTC(2030, 0, 1), 10)) {
      stored.push(...batch);
    }
    assert.deepEqual(stored[0]?.pricing.effective, costs);
    await store.close();
  });
});

describe('DuckDB chunked append of varchar columns', () => {
  it('reads back few, some hundreds of and all-distinct values, NULLs and non-ASCII text', async () => {
    const store = await DuckDbStore.open(join(directory, 'dictionaries.duckdb'));
    // team: 3 values, one empty and one non-ASCII (one-byte codes); customer: 300 values (two-byte
    // codes); user: one per row (sent as strings); feature: NULL every 7th row.
    const teams = ['équipe-ü', '', 'search'];
    const events = sampleEvents(6000, 17).map((event, index) => ({
      ...event,
      tags: {
        ...event.tags,
        team: teams[index % 3],
        customer: `customer-${index % 300}`,
        user: `user-${index}-✓`,
        feature: index % 7 === 0 ? undefined : `feature-${index % 5}`,
      },
    }));
    assert.deepEqual(await store.append(events), { inserted: 6000, duplicates: 0 });
    const stored: PricedUsageEvent[] = [];
    for await (const batch of store.eventsBetween(0, Date.UTC(2030, 0, 1), 2000))
      stored.push(...batch);
    assert.deepEqual(byId(stored), byId(events));
    const customers = await store.tagValues('customer', 1000);
    assert.equal(customers.length, 300);
    await store.close();
  });

  it('keeps values with a NUL exact and stores lone surrogates as U+FFFD', async () => {
    const store = await DuckDbStore.open(join(directory, 'odd-strings.duckdb'));
    // As enum members these would end at the NUL, or become one and the same value.
    const teams = ['a\u0000b', 'a\u0000c', 'x\uD800', 'x\uD801', 'search'];
    const events = sampleEvents(500, 19).map((event, index) => ({
      ...event,
      tags: { ...event.tags, team: teams[index % 5] },
    }));
    await store.append(events);
    const stored = new Set<string | undefined>();
    for await (const batch of store.eventsBetween(0, Date.UTC(2030, 0, 1), 1000)) {
      for (const event of batch) stored.add(event.tags.team);
    }
    assert.deepEqual([...stored].sort(), ['a\u0000b', 'a\u0000c', 'search', 'x\uFFFD']);
    await store.close();
  });
});
