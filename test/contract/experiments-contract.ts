import assert from 'node:assert/strict';
import { after, before, describe } from 'node:test';
import { contractCase, type ContractSkips } from './contract-case.ts';
import type { PricedUsageEvent } from '../../src/domain/usage-event.ts';
import type { ExperimentSpec, ExperimentVariantTotals } from '../../src/store/experiment-spec.ts';
import type { Store } from '../../src/store/store.ts';
import { pricedEvent, type PricedEventOptions } from '../helpers/priced-event.ts';

const at = (date: number) => Date.UTC(2026, 7, date, 12);
const call = (
  options: Omit<PricedEventOptions, 'at'> & { date?: number; team?: string },
  variant: string | undefined,
  more: Partial<PricedUsageEvent> = {},
  experiment = 'trial',
): PricedUsageEvent => ({
  ...pricedEvent({
    ...options,
    at: at(options.date ?? 10),
    tags: {
      team: options.team ?? 'search',
      extra: { experiment, ...(variant === undefined ? {} : { variant }) },
    },
  }),
  ...more,
});

/**
 * August 2026, experiment "trial", team search, worked out by hand:
 * control: c1 failed and was retried as c1-retry (success, score 0.8), c2 failed (score 0.2),
 * c3 reported nothing — 3 requests, 4 calls, $0.70, 2 outcomes, 1 success, scores 0.8 + 0.2
 * (squares 0.64 + 0.04); mini: m1 succeeded (score 1) for $0.05, m2 succeeded unpriced —
 * 2 requests, $0.05, 1 unpriced; one call without a variant ($0.01). Left out by the filters:
 * support's mini call ($1), a September call, and another experiment's call.
 */
const EVENTS = [
  call({ id: 'c1', cost: 0.1, requestId: 'c1' }, 'control', { status: 'error' }),
  call({ id: 'c1-retry', cost: 0.1, attempt: 2, retryOf: 'c1', outcome: 'success' }, 'control', {
    score: 0.8,
  }),
  call({ id: 'c2', cost: 0.2, outcome: 'failure' }, 'control', { score: 0.2 }),
  call({ id: 'c3', cost: 0.3 }, 'control'),
  call({ id: 'm1', cost: 0.05, outcome: 'success' }, 'mini', { score: 1 }),
  {
    ...call({ id: 'm2', cost: 0, outcome: 'success' }, 'mini'),
    pricing: { ...pricedEvent({ id: 'x', at: 0, cost: 0 }).pricing, effective: null },
  },
  call({ id: 'u1', cost: 0.01 }, undefined),
  call({ id: 's1', cost: 1, team: 'support', outcome: 'failure' }, 'mini'),
  call({ id: 'late', cost: 5, date: 40 }, 'control'),
  call({ id: 'o1', cost: 9 }, 'control', {}, 'other'),
];

const empty = { unpriced: 0, outcomes: 0, successes: 0, scores: 0, scoreSum: 0, scoreSquareSum: 0 };

/** Experiment totals, the same on every adapter; each adapter's test file runs it. */
export function runExperimentsContract(
  name: string,
  openStore: () => Promise<Store>,
  skips: ContractSkips = {},
): void {
  describe(`Experiments contract: ${name}`, () => {
    const it = contractCase(skips);
    let store: Store;
    before(async () => {
      store = await openStore();
      await store.append(EVENTS);
    });
    after(() => store.close());

    const totals = async (spec: Partial<ExperimentSpec>) => {
      const rows = await store.experimentTotals({
        experiment: 'trial',
        from: at(1),
        to: at(32),
        ...spec,
      });
      // Costs are summed exactly in the store; compared within a micro-cent here.
      return rows.map((row) => ({ ...row, cost: Math.round(row.cost * 1e8) / 1e8 }));
    };

    it('sums requests, calls, cost, outcomes and scores per variant, by variant name', async () => {
      const expected: ExperimentVariantTotals[] = [
        { ...empty, variant: '(unattributed)', requests: 1, events: 1, cost: 0.01 },
        {
          variant: 'control',
          requests: 3,
          events: 4,
          cost: 0.7,
          unpriced: 0,
          outcomes: 2,
          successes: 1,
          scores: 2,
          scoreSum: 1,
          scoreSquareSum: 0.68,
        },
        {
          variant: 'mini',
          requests: 2,
          events: 2,
          cost: 0.05,
          unpriced: 1,
          outcomes: 2,
          successes: 2,
          scores: 1,
          scoreSum: 1,
          scoreSquareSum: 1,
        },
      ];
      const rows = await totals({ filters: [{ dimension: 'team', value: 'search' }] });
      assert.deepEqual(
        rows.map((row) => ({ ...row, scoreSquareSum: Math.round(row.scoreSquareSum * 1e9) / 1e9 })),
        expected,
      );
    });

    it('keeps other teams’ calls unless filtered, and the period', async () => {
      const mini = (await totals({})).find((row) => row.variant === 'mini');
      assert.deepEqual(
        [mini?.requests, mini?.cost, mini?.outcomes, mini?.successes],
        [3, 1.05, 3, 2],
      );
      const all = await totals({ from: undefined, to: undefined });
      assert.equal(all.find((row) => row.variant === 'control')?.cost, 5.7);
    });

    it('finds no variant for an experiment without calls', async () => {
      assert.deepEqual(await totals({ experiment: 'nothing' }), []);
      assert.deepEqual(await totals({ experiment: 'other', to: at(2) }), []);
    });
  });
}
