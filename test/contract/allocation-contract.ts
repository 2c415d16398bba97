import assert from 'node:assert/strict';
import { after, before, describe } from 'node:test';
import { contractCase, type ContractSkips } from './contract-case.ts';
import {
  computeChargeback,
  explainUnitEconomics,
  parseChargebackRequest,
  type ChargebackStatement,
} from '../../src/analytics/index.ts';
import { ValidationError } from '../../src/domain/errors/index.ts';
import type { SharedScope } from '../../src/store/allocation-spec.ts';
import type { Store } from '../../src/store/store.ts';
import { pricedEvent } from '../helpers/priced-event.ts';

const SCOPES: SharedScope[] = [
  { name: 'embedding pipeline', scope: { feature: 'embedding-pipeline' } },
];
const day = (month: number, date: number) => Date.UTC(2026, month - 1, date, 12);

/**
 * March 2026, worked out by hand: search $60.00 (40 + 20), support $30.00, platform $10.00
 * direct; the pool is the embedding pipeline $15.00 (tagged search, so it leaves search's
 * direct spend) plus $5.00 untagged = $20.00; the month totals $120.00. An April call stays out.
 */
const MARCH = [
  pricedEvent({ id: 'm1', at: day(3, 2), cost: 40, tags: { team: 'search', feature: 'chat' } }),
  pricedEvent({ id: 'm2', at: day(3, 9), cost: 20, tags: { team: 'search' } }),
  pricedEvent({ id: 'm3', at: day(3, 9), cost: 30, tags: { team: 'support' } }),
  pricedEvent({ id: 'm4', at: day(3, 31), cost: 10, tags: { team: 'platform' } }),
  pricedEvent({
    id: 'm5',
    at: day(3, 15),
    cost: 15,
    tags: { team: 'search', feature: 'embedding-pipeline' },
  }),
  pricedEvent({ id: 'm6', at: day(3, 20), cost: 5, tags: { feature: 'chat' } }),
  pricedEvent({ id: 'a1', at: day(4, 1), cost: 99, tags: { team: 'search' } }),
];

/** May: $1.00 direct for each of three teams and $100.00 untagged, split three ways. */
const MAY = [
  ...['alpha', 'beta', 'gamma'].map((team) =>
    pricedEvent({ id: `may-${team}`, at: day(5, 4), cost: 1, tags: { team } }),
  ),
  pricedEvent({ id: 'may-untagged', at: day(5, 5), cost: 100 }),
];

/** June: $10.004 for each of three teams and $0.004 untagged, $30.016 in all. */
const JUNE = [
  ...['alpha', 'beta', 'gamma'].map((team) =>
    pricedEvent({ id: `june-${team}`, at: day(6, 4), cost: 10.004, tags: { team } }),
  ),
  pricedEvent({ id: 'june-untagged', at: day(6, 5), cost: 0.004 }),
];

/**
 * July, feature chat: r1 fails and is retried as r2 (success), r3 fails, r4 succeeds, e5 has
 * no request id and no outcome; users u1, u2, u3; 150 tokens a call. Feature search: one call.
 */
const JULY = [
  ['r1', 0.1, 1, undefined, 'u1'],
  ['r2', 0.2, 2, 'success', 'u1'],
  ['r3', 0.3, 1, 'failure', 'u2'],
  ['r4', 0.4, 1, 'success', 'u1'],
] as const;

/** Chargeback statements and unit economics, as every Store adapter must give them. */
export function runAllocationContract(
  name: string,
  openStore: () => Promise<Store>,
  skips: ContractSkips = {},
): void {
  describe(`Store allocation contract: ${name}`, () => {
    const it = contractCase(skips);
    let store: Store;
    const statement = (period: string, shared: string, mode = 'showback') =>
      computeChargeback(store, parseChargebackRequest({ period, shared, mode }), SCOPES);
    const lines = (result: ChargebackStatement) =>
      Object.fromEntries(
        result.lines.map((line) => [
          line.team,
          [line.direct_cost, line.shared_cost, line.total_cost],
        ]),
      );

    before(async () => {
      store = await openStore();
      await store.append([
        ...MARCH,
        ...MAY,
        ...JUNE,
        ...JULY.map(([id, cost, attempt, outcome, user]) =>
          pricedEvent({
            id: `event-${id}`,
            requestId: id,
            at: day(7, 3),
            cost,
            attempt,
            ...(attempt > 1 ? { retryOf: 'r1' } : {}),
            ...(outcome ? { outcome } : {}),
            tags: { feature: 'chat', user },
          }),
        ),
        pricedEvent({ id: 'e5', at: day(7, 4), cost: 0.5, tags: { feature: 'chat', user: 'u3' } }),
        pricedEvent({ id: 'e6', at: day(7, 4), cost: 1, tags: { feature: 'search' } }),
      ]);
    });
    after(() => store.close());

    it('puts shared-scope and untagged spend in the pool and splits it proportionally', async () => {
      const result = await statement('2026-03', 'proportional');
      assert.equal(result.total_cost, 120);
      assert.equal(result.direct_cost, 100);
      assert.equal(result.pool_cost, 20);
      assert.deepEqual(
        result.pool.map((source) => [source.source, source.cost, source.requests]),
        [
          ['embedding pipeline', 15, 1],
          ['untagged', 5, 1],
        ],
      );
      // 60 % / 30 % / 10 % of $20.00.
      assert.deepEqual(lines(result), {
        search: [60, 12, 72],
        support: [30, 6, 36],
        platform: [10, 2, 12],
      });
      assert.equal(result.lines.find((line) => line.team === 'search')?.requests, 2);
    });

    it('splits evenly with the odd cent to the largest remainders, in team order', async () => {
      // $20.00 / 3 = 666 cents each and 2 left over: platform and search (alphabetical) get one.
      assert.deepEqual(lines(await statement('2026-03', 'even')), {
        search: [60, 6.67, 66.67],
        support: [30, 6.66, 36.66],
        platform: [10, 6.67, 16.67],
      });
    });

    it('splits by fixed percentages', async () => {
      const result = await statement(
        '2026-03',
        'fixed:search=50,support=30,platform=20',
        'chargeback',
      );
      assert.deepEqual(lines(result), {
        search: [60, 10, 70],
        support: [30, 6, 36],
        platform: [10, 4, 14],
      });
      assert.ok(result.lines.every((line) => line.mode === 'chargeback'));
      assert.match(result.title, /amounts to charge/);
    });

    it('gives the same numbers in showback and chargeback', async () => {
      const showback = await statement('2026-03', 'even', 'showback');
      const chargeback = await statement('2026-03', 'even', 'chargeback');
      assert.deepEqual(lines(showback), lines(chargeback));
    });

    it('splits $100.00 three ways into 33.34 + 33.33 + 33.33', async () => {
      for (const rule of ['even', 'proportional']) {
        const result = await statement('2026-05', rule);
        assert.deepEqual(lines(result), {
          alpha: [1, 33.34, 34.34],
          beta: [1, 33.33, 34.33],
          gamma: [1, 33.33, 34.33],
        });
        assert.equal(result.total_cost, 103);
      }
    });

    it('adds up to the month rounded to the cent when every amount has a fraction of a cent', async () => {
      // $30.016 is $30.02; rounded one by one the lines would say $30.00. The two cents go to
      // the largest remainders (all 0.4 cent, so the first two teams), the pool rounds to $0.00.
      const result = await statement('2026-06', 'proportional');
      assert.equal(result.total_cost, 30.02);
      assert.deepEqual(lines(result), {
        alpha: [10.01, 0, 10.01],
        beta: [10.01, 0, 10.01],
        gamma: [10, 0, 10],
      });
      const sum = result.lines.reduce(
        (total, line) => total + Math.round(line.total_cost * 100),
        0,
      );
      assert.equal(sum, 3002);
    });

    it('refuses fixed percentages naming an unknown team or not adding to 100, with the fix', async () => {
      await assert.rejects(
        statement('2026-03', 'fixed:search=50,marketing=50'),
        (error: unknown) => {
          assert.ok(error instanceof ValidationError);
          assert.match(error.message, /marketing/);
          assert.match(error.fix, /platform, search, support/);
          return true;
        },
      );
      assert.throws(
        () => parseChargebackRequest({ period: '2026-03', shared: 'fixed:search=50,support=40' }),
        (error: unknown) =>
          error instanceof ValidationError &&
          /90 %, not 100 %/.test(error.message) &&
          /100/.test(error.fix),
      );
      assert.throws(() => parseChargebackRequest({ period: '2026-3' }), ValidationError);
    });

    it('works out unit economics per feature, with revenue of the months in range', async () => {
      assert.deepEqual(
        await store.appendRevenue([
          { feature: 'chat', period: '2026-07', amount: 6, currency: 'USD' },
          { feature: 'chat', period: '2026-08', amount: 100, currency: 'USD' },
        ]),
        { inserted: 2, replaced: 0 },
      );
      assert.deepEqual(
        await store.appendRevenue([
          { feature: 'chat', period: '2026-07', amount: 6, currency: 'USD' },
        ]),
        { inserted: 0, replaced: 1 },
      );
      const totals = await store.unitEconomicsTotals({
        dimension: 'feature',
        from: Date.UTC(2026, 6, 1),
        to: Date.UTC(2026, 7, 1),
      });
      const rows = totals.map((row) => explainUnitEconomics('feature', row));
      // chat: requests r1, r3, r4, e5 (r2 is r1's retry) = 4; cost $1.50; outcomes r2, r3, r4,
      // successes r2, r4; users u1, u2, u3; 5 calls × 150 tokens; July revenue $6.00.
      assert.deepEqual(rows, [
        {
          feature: 'chat',
          requests: 4,
          cost: 1.5,
          cost_per_request: 0.375,
          success_rate: 0.666667,
          cost_per_success: 0.75,
          active_users: 3,
          cost_per_active_user: 0.5,
          tokens_per_active_user: 250,
          revenue: 6,
          cost_share_of_revenue: 0.25,
        },
        {
          feature: 'search',
          requests: 1,
          cost: 1,
          cost_per_request: 1,
          success_rate: null,
          cost_per_success: null,
          active_users: 0,
          cost_per_active_user: null,
          tokens_per_active_user: null,
          revenue: null,
          cost_share_of_revenue: null,
        },
      ]);
    });
  });
}
