import assert from 'node:assert/strict';
import { after, before, describe } from 'node:test';
import { contractCase, type ContractSkips } from './contract-case.ts';
import type { Store } from '../../src/store/store.ts';
import { pricedEvent } from '../helpers/priced-event.ts';

const at = Date.UTC(2026, 7, 10, 12);

/** Outcomes reported after the call (POST /api/v1/feedback), on every adapter. */
export function runFeedbackContract(
  name: string,
  openStore: () => Promise<Store>,
  skips: ContractSkips = {},
): void {
  describe(`Feedback contract: ${name}`, () => {
    const it = contractCase(skips);
    let store: Store;
    before(async () => {
      store = await openStore();
      await store.append([
        // r1 was tried twice: feedback lands on both attempts.
        pricedEvent({ id: 'f1', at, cost: 0.001, requestId: 'r1' }),
        pricedEvent({ id: 'f2', at: at + 1, cost: 0.001, requestId: 'r1', attempt: 2 }),
        pricedEvent({ id: 'f3', at: at + 2, cost: 0.001, requestId: 'r2', outcome: 'success' }),
        pricedEvent({ id: 'f4', at: at + 3, cost: 0.001, requestId: 'r3' }),
      ]);
    });
    after(() => store.close());

    it('sets outcome and score on every event of a request; the last feedback of a batch wins', async () => {
      const result = await store.recordFeedback([
        { requestId: 'r1', outcome: 'success', score: 0.5 },
        { requestId: 'r2', score: 0.25 },
        { requestId: 'missing', outcome: 'failure' },
        { requestId: 'r1', outcome: 'failure', score: 0.75 },
      ]);
      assert.deepEqual(result, { updated: 3, unknown: ['missing'] });
      const events = new Map<string, { outcome?: string; score?: number }>();
      for await (const batch of store.eventsBetween(at, at + 10, 100)) {
        for (const event of batch) {
          events.set(event.id, {
            ...(event.outcome === undefined ? {} : { outcome: event.outcome }),
            ...(event.score === undefined ? {} : { score: event.score }),
          });
        }
      }
      assert.deepEqual(Object.fromEntries(events), {
        f1: { outcome: 'failure', score: 0.75 },
        f2: { outcome: 'failure', score: 0.75 },
        // A score alone keeps the outcome the call already had.
        f3: { outcome: 'success', score: 0.25 },
        f4: {},
      });
    });
  });
}
