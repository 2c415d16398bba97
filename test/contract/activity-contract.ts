import assert from 'node:assert/strict';
import { after, before, describe } from 'node:test';
import { contractCase, type ContractSkips } from './contract-case.ts';
import type { PricedUsageEvent } from '../../src/domain/usage-event.ts';
import type { Store } from '../../src/store/store.ts';
import { pricedEvent, type PricedEventOptions } from '../helpers/priced-event.ts';

/** Monday 6 April 2026, 10:00 UTC. */
const H0 = Date.UTC(2026, 3, 6, 10);
const MINUTE = 60_000;

const call = (
  id: string,
  minutes: number,
  cost: number,
  rest: Omit<PricedEventOptions, 'id' | 'at' | 'cost'> & { traceId?: string } = {},
): PricedUsageEvent => {
  const { traceId, ...options } = rest;
  const event = pricedEvent({ id, at: H0 + minutes * MINUTE, cost, ...options });
  return traceId === undefined ? event : { ...event, traceId };
};

const ciBot = { team: 'search', user: 'u1', extra: { virtual_key: 'ci-bot' } };
const agent = { team: 'search', user: 'u2', feature: 'agent' };

/** Each call has 100 input and 50 output tokens unless it says otherwise. */
const CALLS = [
  call('v1', 5, 0.1, { tags: ciBot }),
  call('v2', 5.5, 0.2, { tags: ciBot }),
  call('t1a', 30, 0.25, { tags: agent, traceId: 't1', input: 1000, output: 200 }),
  call('t1b', 30 + 40 / 60, 0.05, { tags: agent, traceId: 't1', input: 500, output: 0 }),
  call('t1c', 31, 0.05, { tags: agent, traceId: 't1' }),
  call('support', 10, 1, { tags: { team: 'support' } }),
  call('next-hour', 60, 0.5, { tags: { team: 'search', user: 'u3' } }),
  call('untagged', 20, 0.01, { tags: { user: 'u9' } }),
  call('after', 120, 3, { tags: { team: 'search', user: 'u4' } }),
  { ...call('before', 0, 3, { tags: { team: 'search', user: 'u5' } }), timestamp: H0 - 1 },
];

const round = (value: number) => Math.round(value * 1e9) / 1e9;

/** Hourly and per-minute activity for anomalies and runaways, worked out by hand. */
export function runActivityContract(
  name: string,
  openStore: () => Promise<Store>,
  skips: ContractSkips = {},
): void {
  describe(`Store activity contract: ${name}`, () => {
    const it = contractCase(skips);
    let store: Store;
    before(async () => {
      store = await openStore();
      await store.append(CALLS);
    });
    after(() => store.close());

    it('sums calls, tokens, cost and distinct users per scope and hour inside [from, to)', async () => {
      const rows = await store.activityHours({
        dimensions: ['team'],
        from: H0,
        to: H0 + 120 * MINUTE,
      });
      assert.deepEqual(
        rows.map((row) => ({ ...row, cost: round(row.cost) })),
        [
          {
            keys: { team: '(unattributed)' },
            hourStart: H0,
            calls: 1,
            tokens: 150,
            cost: 0.01,
            users: 1,
          },
          // v1, v2, t1a, t1b, t1c: 150 + 150 + 1,200 + 500 + 150 tokens; users u1 and u2.
          { keys: { team: 'search' }, hourStart: H0, calls: 5, tokens: 2150, cost: 0.65, users: 2 },
          {
            keys: { team: 'search' },
            hourStart: H0 + 60 * MINUTE,
            calls: 1,
            tokens: 150,
            cost: 0.5,
            users: 1,
          },
          // No user tag: no active user.
          { keys: { team: 'support' }, hourStart: H0, calls: 1, tokens: 150, cost: 1, users: 0 },
        ],
      );
    });

    it('counts calls and tokens per trace and minute, with the feature', async () => {
      const rows = await store.activityMinutes({
        entity: 'trace',
        from: H0,
        to: H0 + 120 * MINUTE,
      });
      assert.deepEqual(rows, [
        { entity: 't1', feature: 'agent', minuteStart: H0 + 30 * MINUTE, calls: 2, tokens: 1700 },
        { entity: 't1', feature: 'agent', minuteStart: H0 + 31 * MINUTE, calls: 1, tokens: 150 },
      ]);
    });

    it('counts calls and tokens per virtual key (the free tag) and minute', async () => {
      const rows = await store.activityMinutes({
        entity: 'virtual_key',
        from: H0,
        to: H0 + 120 * MINUTE,
      });
      assert.deepEqual(rows, [
        { entity: 'ci-bot', feature: null, minuteStart: H0 + 5 * MINUTE, calls: 2, tokens: 300 },
      ]);
    });
  });
}
