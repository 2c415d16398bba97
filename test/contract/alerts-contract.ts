import assert from 'node:assert/strict';
import { after, before, describe } from 'node:test';
import { contractCase, type ContractSkips } from './contract-case.ts';
import type { Alert } from '../../src/domain/alert.ts';
import type { Budget } from '../../src/domain/budget.ts';
import type { Store } from '../../src/store/store.ts';

const T0 = Date.parse('2026-12-01T09:00:00Z');

const alert = (
  key: string,
  createdAt: number,
  kind: Alert['kind'] = 'budget_threshold',
): Alert => ({
  key,
  kind,
  severity: 'warning',
  createdAt,
  title: `title ${key}`,
  text: `text ${key}`,
  scope: { team: 'search' },
  link: 'http://127.0.0.1:8787/api/v1/report?by=team',
  data: { limit_usd: 100, spent_usd: 80.5, threshold: 0.8, hard: true, note: null },
});

/** Alerts and their deliveries, and API budgets, the same on every adapter. */
export function runAlertsContract(
  name: string,
  openStore: () => Promise<Store>,
  skips: ContractSkips = {},
): void {
  describe(`Alerts contract: ${name}`, () => {
    const it = contractCase(skips);
    let store: Store;
    before(async () => {
      store = await openStore();
    });
    after(() => store.close());

    it('keeps one alert per key however often it is recorded, with a delivery per channel', async () => {
      const first = await store.recordAlerts([alert('a', T0), alert('a', T0)], ['hook', 'slack']);
      assert.deepEqual(first, ['a']);
      assert.deepEqual(
        await store.recordAlerts([alert('a', T0 + 1), alert('b', T0 + 2)], ['hook', 'slack']),
        ['b'],
      );
      const listed = await store.listAlerts({ limit: 10 });
      assert.deepEqual(
        listed.map((item) => item.key),
        ['b', 'a'],
      );
      const a = listed.find((item) => item.key === 'a');
      assert.deepEqual(
        { ...a, deliveries: undefined },
        { ...alert('a', T0), deliveries: undefined },
      );
      assert.deepEqual(
        a?.deliveries.map((delivery) => [delivery.channel, delivery.attempts, delivery.abandoned]),
        [
          ['hook', 0, false],
          ['slack', 0, false],
        ],
      );
    });

    it('hands out due deliveries, retries failures when due, and never hands out a delivered one', async () => {
      const now = Date.now() + 1000;
      const due = await store.dueDeliveries(now, 100);
      assert.deepEqual(due.map((item) => `${item.alert.key}/${item.channel}`).sort(), [
        'a/hook',
        'a/slack',
        'b/hook',
        'b/slack',
      ]);
      await store.recordDeliveries([
        { alertKey: 'a', channel: 'hook', delivered: true, at: now },
        {
          alertKey: 'a',
          channel: 'slack',
          delivered: false,
          at: now,
          error: 'HTTP 503',
          retryAt: now + 5000,
        },
        { alertKey: 'b', channel: 'hook', delivered: false, at: now, error: 'refused' },
      ]);
      assert.deepEqual(
        (await store.dueDeliveries(now, 100)).map((item) => `${item.alert.key}/${item.channel}`),
        ['b/slack'],
      );
      const later = await store.dueDeliveries(now + 5000, 100);
      assert.deepEqual(later.map((item) => [item.alert.key, item.channel, item.attempts]).sort(), [
        ['a', 'slack', 1],
        ['b', 'slack', 0],
      ]);
      const [b, a] = await store.listAlerts({ limit: 10 });
      assert.deepEqual(a?.deliveries[0], {
        channel: 'hook',
        attempts: 1,
        deliveredAt: now,
        abandoned: false,
      });
      assert.deepEqual(a?.deliveries[1], {
        channel: 'slack',
        attempts: 1,
        nextAttemptAt: now + 5000,
        lastError: 'HTTP 503',
        abandoned: false,
      });
      assert.equal(b?.deliveries[0]?.abandoned, true, 'a delivery with no retry time is given up');
    });

    it('lists by time range and kind', async () => {
      await store.recordAlerts([alert('c', T0 + 3_600_000, 'anomaly')], []);
      assert.deepEqual(
        (await store.listAlerts({ kind: 'anomaly', limit: 10 })).map((item) => item.key),
        ['c'],
      );
      assert.deepEqual(
        (await store.listAlerts({ from: T0 + 1, to: T0 + 3_600_000, limit: 10 })).map(
          (item) => item.key,
        ),
        ['b'],
      );
      assert.deepEqual(
        (await store.listAlerts({ limit: 1 })).map((item) => item.key),
        ['c'],
      );
    });

    it('keeps budgets made through the API by name: create, replace, list, delete', async () => {
      const budget: Budget = {
        name: 'api-search',
        scope: { team: 'search', region: 'eu' },
        period: 'week',
        limitUsd: 250.5,
        hard: true,
        thresholds: [0.5, 1],
        onRedisDown: 'closed',
      };
      assert.equal(await store.saveBudget(budget), true);
      assert.equal(await store.saveBudget({ ...budget, limitUsd: 300 }), false);
      assert.equal(await store.saveBudget({ ...budget, name: 'api-key', virtualKey: 'ci' }), true);
      assert.deepEqual(await store.listBudgets(), [
        { ...budget, name: 'api-key', virtualKey: 'ci' },
        { ...budget, limitUsd: 300 },
      ]);
      assert.equal(await store.deleteBudget('api-key'), true);
      assert.equal(await store.deleteBudget('api-key'), false);
      assert.deepEqual(
        (await store.listBudgets()).map((item) => item.name),
        ['api-search'],
      );
    });
  });
}
