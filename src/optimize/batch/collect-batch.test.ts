import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { BatchResult, BatchStatus } from '../../domain/batch.ts';
import { ConflictError, UpstreamError } from '../../domain/errors/index.ts';
import type { PricedUsageEvent } from '../../domain/usage-event.ts';
import { createPricer } from '../../pricing/index.ts';
import { createProviderRegistry } from '../../providers/index.ts';
import type { Store } from '../../store/store.ts';
import type { BatchClient } from './batch-client.ts';
import type { BatchRecord, BatchRecords } from './batch-record.ts';
import { collectBatch } from './collect-batch.ts';

const record: BatchRecord = {
  id: 'msgbatch_1',
  provider: 'anthropic',
  tags: { team: 'growth' },
  file: 'f.jsonl',
  submittedAt: '2026-03-01T00:00:00.000Z',
  requests: 2,
  models: { a: 'claude-haiku-4-5', b: 'claude-haiku-4-5' },
  state: 'in_progress',
  providerStatus: 'in_progress',
  done: 0,
  succeeded: 0,
  failed: 0,
  checkedAt: '2026-03-01T00:00:00.000Z',
};

const ended: BatchStatus = {
  id: 'msgbatch_1',
  state: 'ended',
  providerStatus: 'ended',
  total: 2,
  done: 2,
  succeeded: 1,
  failed: 1,
  endedAt: Date.parse('2026-03-01T02:00:00Z'),
};

const results: BatchResult[] = [
  {
    customId: 'a',
    outcome: 'succeeded',
    model: 'claude-haiku-4-5',
    tokens: {
      input: 1000,
      output: 200,
      cacheRead: 0,
      cacheWrite: 0,
      cacheWrite1h: 0,
      reasoning: 0,
    },
  },
  { customId: 'b', outcome: 'errored', errorKind: 'invalid_request' },
];

/** A store that keeps events by id, as every adapter does (the contract suite checks them). */
function idempotentStore(): Store & { events: Map<string, PricedUsageEvent> } {
  const events = new Map<string, PricedUsageEvent>();
  const append = (batch: readonly PricedUsageEvent[]) => {
    const fresh = batch.filter((event) => !events.has(event.id));
    for (const event of fresh) events.set(event.id, event);
    return Promise.resolve({ inserted: fresh.length, duplicates: batch.length - fresh.length });
  };
  return { events, append } as unknown as Store & { events: Map<string, PricedUsageEvent> };
}

function dependencies(status: BatchStatus) {
  const saved: BatchRecord[] = [];
  const records: BatchRecords = {
    save: (saving) => Promise.resolve(void saved.push(saving)),
    find: () => Promise.resolve(undefined),
    list: () => Promise.resolve(saved),
  };
  const client = {
    provider: 'anthropic',
    status: () => Promise.resolve(status),
    results: () => Promise.resolve(results),
  } as unknown as BatchClient;
  const pricer = createPricer({ registry: createProviderRegistry([]) });
  return { saved, client, records, pricer, store: idempotentStore(), now: () => new Date(0) };
}

test('stores each result once, priced at batch rates, and records the collection', async () => {
  const deps = dependencies(ended);
  const first = await collectBatch(deps, record);
  // claude-haiku-4-5 at batch rates, half of $1/M and $5/M: 1,000 × 0.5e-6 + 200 × 2.5e-6.
  assert.deepEqual(first, {
    id: 'msgbatch_1',
    provider: 'anthropic',
    results: 2,
    outcomes: { succeeded: 1, errored: 1, canceled: 0, expired: 0 },
    inserted: 2,
    duplicates: 0,
    cost: 0.001,
  });
  const [ok, failed] = [...deps.store.events.values()];
  assert.equal(ok?.timestamp, ended.endedAt);
  assert.equal(failed?.status, 'error');
  assert.deepEqual(deps.saved.at(-1)?.collected, {
    at: new Date(0).toISOString(),
    results: 2,
    inserted: 2,
    duplicates: 0,
  });
  const second = await collectBatch(deps, record);
  assert.deepEqual([second.inserted, second.duplicates], [0, 2]);
});

test('a batch still running or refused stores nothing and says what to do', async () => {
  const running = dependencies({
    ...ended,
    state: 'in_progress',
    providerStatus: 'in_progress',
    done: 1,
  });
  await assert.rejects(collectBatch(running, record), (error: unknown) => {
    assert.ok(error instanceof ConflictError);
    assert.match(error.message, /has not finished \(in_progress, 1 of 2 done\)/);
    assert.match(error.fix, /--wait/);
    return true;
  });
  const refused = dependencies({
    ...ended,
    state: 'failed',
    providerStatus: 'failed',
    message: 'line 2: bad',
  });
  await assert.rejects(collectBatch(refused, record), UpstreamError);
  assert.equal(running.store.events.size + refused.store.events.size, 0);
  assert.equal(running.saved.at(-1)?.state, 'in_progress');
});
