import assert from 'node:assert/strict';
import { describe, before, after } from 'node:test';
import { contractCase, type ContractSkips } from './contract-case.ts';
import { UNATTRIBUTED } from '../../src/domain/tags.ts';
import type { Dimension, Grain, ReportSpec } from '../../src/store/report-spec.ts';
import type { Store } from '../../src/store/store.ts';
import type { CallsSpec } from '../../src/store/calls-spec.ts';
import type { RecordedCall } from '../../src/domain/recorded-call.ts';
import { recordedCallOf } from '../helpers/recorded-call-of.ts';
import { expectedReport } from '../helpers/expected-report.ts';
import { sampleEvents } from '../helpers/sample-events.ts';

const GROUPINGS: Dimension[][] = [
  [],
  ['team'],
  ['feature'],
  ['environment'],
  ['provider'],
  ['model'],
  ['tag:region'],
  ['team', 'feature'],
  ['provider', 'model'],
  ['team', 'tag:region'],
];
const GRAINS: Grain[] = ['none', 'hour', 'day', 'week', 'month'];

const spec = (dimensions: Dimension[], grain: Grain = 'none'): ReportSpec => ({
  dimensions,
  grain,
  metric: 'cost',
  filters: [],
});

/** The behaviour every Store adapter must show; each adapter's test file runs it. */
export function runStoreContract(
  name: string,
  openStore: () => Promise<Store>,
  skips: ContractSkips = {},
): void {
  describe(`Store contract: ${name}`, () => {
    const it = contractCase(skips);
    let store: Store;
    const events = sampleEvents(3000);

    before(async () => {
      store = await openStore();
      const result = await store.append(events);
      assert.deepEqual(result, { inserted: events.length, duplicates: 0 });
    });
    after(() => store.close());

    it('reports totals equal to the sums of the events in every grouping and grain', async () => {
      for (const dimensions of GROUPINGS) {
        for (const grain of GRAINS) {
          const rows = await store.report(spec(dimensions, grain));
          const expected = expectedReport(events, dimensions, grain);
          assert.equal(rows.length, expected.size, `row count by ${dimensions.join(',')} ${grain}`);
          for (const row of rows) {
            const key = [
              ...dimensions.map((dimension) => String(row[dimension])),
              ...(grain === 'none' ? [] : [String(row.period)]),
            ].join('|');
            const want = expected.get(key);
            assert.ok(want, `unexpected row ${key}`);
            for (const [column, value] of Object.entries(want)) {
              if (column === 'cost' || column === 'list_cost') {
                assert.ok(
                  Math.abs(Number(row[column]) - value) < 1e-9,
                  `${column} of ${key}: ${row[column]} vs ${value}`,
                );
              } else {
                assert.equal(row[column], value, `${column} of ${key}`);
              }
            }
          }
        }
      }
    });

    it('orders by tokens (input + output, most first) when the metric is tokens', async () => {
      for (const grain of ['none', 'day'] as const) {
        const rows = await store.report({ ...spec(['team', 'model'], grain), metric: 'tokens' });
        const byCost = await store.report(spec(['team', 'model'], grain));
        assert.equal(rows.length, byCost.length);
        const tokens = rows.map((row) => row.input_tokens + row.output_tokens);
        rows.forEach((row, index) => {
          const previous = rows[index - 1];
          if (previous === undefined || (grain === 'day' && previous.period !== row.period)) return;
          assert.ok((tokens[index - 1] ?? 0) >= (tokens[index] ?? 0), `row ${index} out of order`);
        });
      }
    });

    it('is idempotent by event id, within and across batches', async () => {
      const again = await store.append([...events.slice(0, 10), ...events.slice(0, 10)]);
      assert.deepEqual(again, { inserted: 0, duplicates: 20 });
      const [total] = await store.report(spec([]));
      assert.equal(total?.requests, events.length);
    });

    it('filters by tag and treats (unattributed) as the missing value', async () => {
      const rows = await store.report({
        ...spec(['team']),
        filters: [{ dimension: 'team', value: UNATTRIBUTED }],
      });
      const untagged = events.filter((event) => event.tags.team === undefined).length;
      assert.equal(rows.length, 1);
      assert.equal(rows[0]?.requests, untagged);
      const search = await store.report({
        ...spec(['feature']),
        filters: [
          { dimension: 'team', value: 'search' },
          { dimension: 'tag:region', value: 'eu' },
        ],
      });
      const expected = events.filter(
        (event) => event.tags.team === 'search' && event.tags.extra?.region === 'eu',
      ).length;
      assert.equal(
        search.reduce((sum, row) => sum + row.requests, 0),
        expected,
      );
    });

    it('limits to a time range, from inclusive and to exclusive', async () => {
      const from = Date.UTC(2026, 2, 3);
      const to = Date.UTC(2026, 2, 5);
      const [row] = await store.report({ ...spec([]), from, to });
      const expected = events.filter(
        (event) => event.timestamp >= from && event.timestamp < to,
      ).length;
      assert.equal(row?.requests, expected);
    });

    it('reads events back exactly as they went in', async () => {
      const stored = [];
      for await (const batch of store.eventsBetween(
        Date.UTC(2026, 2, 1),
        Date.UTC(2026, 2, 12),
        700,
      ))
        stored.push(...batch);
      assert.equal(stored.length, events.length);
      const byId = new Map(stored.map((event) => [event.id, event]));
      for (const event of events.slice(0, 200)) assert.deepEqual(byId.get(event.id), event);
    });

    it('reads the lean calls of a period in time order, filtered by any of several scopes', async () => {
      const from = Date.UTC(2026, 2, 2);
      const to = Date.UTC(2026, 2, 9);
      const read = async (anyOf?: CallsSpec['anyOf']) => {
        const calls: RecordedCall[] = [];
        for await (const batch of store.callsBetween(
          { from, to, ...(anyOf ? { anyOf } : {}) },
          500,
        ))
          calls.push(...batch);
        return calls;
      };
      const inPeriod = events
        .filter((event) => event.timestamp >= from && event.timestamp < to)
        .sort((left, right) => left.timestamp - right.timestamp || left.id.localeCompare(right.id));
      assert.ok(inPeriod.length > 500, 'the period spans several batches');
      assert.deepEqual(await read(), inPeriod.map(recordedCallOf));

      const anyOf = [
        [{ dimension: 'team' as const, value: UNATTRIBUTED }],
        [
          { dimension: 'team' as const, value: 'search' },
          { dimension: 'tag:region' as const, value: 'eu' },
        ],
      ];
      const expected = inPeriod.filter(
        (event) =>
          event.tags.team === undefined ||
          (event.tags.team === 'search' && event.tags.extra?.region === 'eu'),
      );
      assert.ok(expected.length > 0 && expected.length < inPeriod.length);
      assert.deepEqual(await read(anyOf), expected.map(recordedCallOf));
    });

    it('lists unpriced models and distinct tag values', async () => {
      const unpriced = await store.unpriced();
      assert.deepEqual(new Set(unpriced.map((row) => row.model)), new Set(['private-model']));
      assert.equal(
        unpriced.reduce((sum, row) => sum + row.events, 0),
        events.filter((event) => event.pricing.effective === null).length,
      );
      const teams = await store.tagValues('team', 10);
      assert.deepEqual([...teams].sort(), ['(unattributed)', 'platform', 'search', 'support']);
    });

    it('replaces pricing atomically and reports the new costs', async () => {
      const target = events.filter((event) => event.pricing.effective !== null).slice(0, 5);
      await store.updatePricing(
        target.map((event) => ({
          id: event.id,
          pricing: {
            ...event.pricing,
            effective: {
              ...event.pricing.effective!,
              total: 1,
              input: 1,
              cacheRead: 0,
              cacheWrite: 0,
              output: 0,
              reasoning: 0,
            },
          },
        })),
      );
      const [row] = await store.report(spec([]));
      const expected = events.reduce(
        (sum, event) => sum + (target.includes(event) ? 1 : (event.pricing.effective?.total ?? 0)),
        0,
      );
      assert.ok(Math.abs(Number(row?.cost) - expected) < 1e-9);
    });

    it('knows its schema version and time range', async () => {
      assert.ok((await store.schemaVersion()) >= 1);
      const range = await store.timeRange();
      assert.equal(range?.events, events.length);
      assert.equal(range?.from, Math.min(...events.map((event) => event.timestamp)));
    });

    it('deletes what one source wrote', async () => {
      assert.equal(await store.deleteSource('demo'), 0);
      assert.equal(await store.deleteSource('api'), events.length);
      assert.equal(await store.timeRange(), null);
    });
  });
}
