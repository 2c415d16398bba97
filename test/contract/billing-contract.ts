import assert from 'node:assert/strict';
import { after, before, describe } from 'node:test';
import { contractCase, type ContractSkips } from './contract-case.ts';
import type { BillingLine } from '../../src/domain/billing-line.ts';
import type { Store } from '../../src/store/store.ts';
import { sampleEvents } from '../helpers/sample-events.ts';

const DAY = 86_400_000;
const MARCH_2 = Date.UTC(2026, 2, 2);

function line(overrides: Partial<BillingLine> & Pick<BillingLine, 'id'>): BillingLine {
  return {
    format: 'openai-costs',
    role: 'cost',
    provider: 'openai',
    model: 'gpt-4o-mini',
    billedClass: 'input',
    periodStart: MARCH_2,
    periodEnd: MARCH_2 + DAY,
    currency: 'USD',
    ...overrides,
  };
}

/** Bills, reconciliation sums and usage groups, as every Store adapter must give them. */
export function runBillingContract(
  name: string,
  openStore: () => Promise<Store>,
  skips: ContractSkips = {},
): void {
  describe(`Store billing contract: ${name}`, () => {
    const it = contractCase(skips);
    let store: Store;
    const events = sampleEvents(2000, 21);
    before(async () => {
      store = await openStore();
      await store.append(events);
    });
    after(() => store.close());

    it('stores bill lines idempotently: the same file twice changes nothing', async () => {
      const lines = [
        line({ id: 'a', cost: 1.25, quantity: 1000 }),
        line({ id: 'b', billedClass: 'output', cost: 0.5, quantity: 200 }),
      ];
      assert.deepEqual(await store.appendBillingLines(lines), { inserted: 2, replaced: 0 });
      assert.deepEqual(await store.appendBillingLines(lines), { inserted: 0, replaced: 2 });
      const [totals] = await store.reconcileTotals({ by: [], from: MARCH_2, to: MARCH_2 + DAY });
      assert.equal(totals?.invoicedCost, 1.75);
    });

    it('stores nothing of a batch that fails part-way', async () => {
      const broken = [
        line({ id: 'c', cost: 3 }),
        line({ id: 'd', cost: 4, periodStart: Number.NaN }),
      ];
      await assert.rejects(store.appendBillingLines(broken));
      const [totals] = await store.reconcileTotals({ by: [], from: MARCH_2, to: MARCH_2 + DAY });
      assert.equal(totals?.invoicedCost, 1.75);
    });

    it('lines invoiced and metered sums up by provider, model and day', async () => {
      // Usage-export tokens win over the cost export's quantities for the same group.
      await store.appendBillingLines([
        line({ id: 'u1', format: 'openai-usage', role: 'usage', quantity: 5000 }),
        line({
          id: 'u2',
          format: 'openai-usage',
          role: 'usage',
          billedClass: 'output',
          quantity: 700,
        }),
      ]);
      const rows = await store.reconcileTotals({
        by: ['provider', 'model', 'day'],
        from: MARCH_2,
        to: MARCH_2 + DAY,
      });
      const metered = events.filter(
        (event) =>
          event.provider === 'openai' &&
          event.model === 'gpt-4o-mini' &&
          event.timestamp >= MARCH_2 &&
          event.timestamp < MARCH_2 + DAY,
      );
      const row = rows.find((item) => item.provider === 'openai' && item.model === 'gpt-4o-mini');
      assert.ok(row);
      assert.equal(row.day, '2026-03-02');
      assert.equal(row.invoicedCost, 1.75);
      assert.equal(row.invoicedTokens, 5700);
      assert.equal(row.meteredEvents, metered.length);
      assert.equal(
        row.meteredTokens,
        metered.reduce((sum, event) => sum + event.tokens.input + event.tokens.output, 0),
      );
      const meteredCost = metered.reduce(
        (sum, event) => sum + (event.pricing.effective?.total ?? 0),
        0,
      );
      assert.ok(Math.abs(row.meteredCost - meteredCost) < 1e-9);
      const attributed = metered
        .filter((event) => event.tags.team !== undefined)
        .reduce((sum, event) => sum + (event.pricing.effective?.total ?? 0), 0);
      assert.ok(Math.abs(row.attributedCost - attributed) < 1e-9);
      assert.ok(
        rows.some((item) => item.provider === 'anthropic' && item.invoicedCost === 0),
        'metered-only groups still show',
      );
    });

    it('groups priced usage per hour with the same totals as the report', async () => {
      const from = Date.UTC(2026, 2, 1);
      const to = Date.UTC(2026, 2, 12);
      let tokens = 0;
      let listTotal = 0;
      let groups = 0;
      for await (const batch of store.usageGroups(from, to, 'hour', 100)) {
        for (const group of batch) {
          groups += 1;
          tokens += group.tokens.input + group.tokens.output;
          listTotal += group.list.total;
          assert.equal(group.periodEnd - group.periodStart, 3_600_000);
        }
      }
      const priced = events.filter((event) => event.pricing.list !== null);
      assert.ok(groups > 0 && groups <= priced.length);
      assert.equal(
        tokens,
        priced.reduce((sum, event) => sum + event.tokens.input + event.tokens.output, 0),
      );
      assert.ok(
        Math.abs(listTotal - priced.reduce((sum, event) => sum + event.pricing.list!.total, 0)) <
          1e-9,
      );
      assert.equal(await store.countUnpriced(from, to), events.length - priced.length);
      let perEvent = 0;
      for await (const batch of store.usageGroups(from, to, 'event', 500))
        perEvent += batch.filter((group) => group.eventId !== undefined).length;
      assert.equal(perEvent, priced.length);
    });
  });
}
