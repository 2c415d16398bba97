import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import type { Alert } from '../../domain/alert.ts';
import { DuckDbStore } from '../../store/duckdb/duckdb-store.ts';
import { createMemoryLedger } from '../ledger/memory-ledger.ts';
import type { AlertChannel } from './alert-channel.ts';
import { deliverDueAlerts, type DeliveryOptions } from './deliver-due-alerts.ts';

const directory = mkdtempSync(join(tmpdir(), 'tokenops-deliveries-'));
after(() => rmSync(directory, { recursive: true, force: true }));

// After the store's own clock: it schedules each new delivery at Date.now(), so a fixed date
// here made every delivery look not yet due once that date had passed.
const NOW = Date.now() + 60_000;
const CHANNELS: AlertChannel[] = [
  { name: 'hook', kind: 'webhook', url: 'http://127.0.0.1:1/hook' },
  { name: 'slack', kind: 'slack', url: 'http://127.0.0.1:1/slack' },
];

const alert = (key: string): Alert => ({
  key,
  kind: 'budget_threshold',
  severity: 'warning',
  createdAt: NOW - 1_000,
  title: `title ${key}`,
  text: `text ${key}`,
  scope: { team: 'search' },
  data: { threshold: 0.8 },
});

/** Two replicas on one store deliver the due alerts at the same moment; what each posts. */
async function twoReplicasDeliver(
  name: string,
  claim: () => DeliveryOptions['claim'],
): Promise<string[]> {
  const store = await DuckDbStore.open(join(directory, `${name}.duckdb`));
  try {
    await store.recordAlerts([alert('a'), alert('b')], ['hook', 'slack']);
    const posted: string[] = [];
    const replica = (claimAttempt: DeliveryOptions['claim']) =>
      deliverDueAlerts(store, CHANNELS, {
        now: NOW,
        baseDelayMs: 1_000,
        maxDelayMs: 60_000,
        maxAttempts: 5,
        log: () => undefined,
        post: async (channel, sent) => {
          posted.push(`${sent.key}→${channel.name}`);
          // Long enough for the other replica to read the same due deliveries.
          await new Promise((resolve) => setTimeout(resolve, 20));
          return { delivered: true };
        },
        ...(claimAttempt ? { claim: claimAttempt } : {}),
      });
    await Promise.all([replica(claim()), replica(claim())]);
    return posted.sort();
  } finally {
    await store.close();
  }
}

test('replicas sharing a ledger send each due alert to each channel once', async () => {
  const ledger = createMemoryLedger(() => NOW);
  const posted = await twoReplicasDeliver(
    'shared',
    () => (delivery) =>
      ledger.claimOnce(`${delivery.alert.key}:${delivery.channel}:${delivery.attempts}`, 60_000),
  );
  assert.deepEqual(posted, ['a→hook', 'a→slack', 'b→hook', 'b→slack']);
});

test('without a claim, two replicas on one store would each send every due alert', async () => {
  const posted = await twoReplicasDeliver('unclaimed', () => undefined);
  assert.equal(posted.length, 8);
});
