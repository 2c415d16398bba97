import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { BatchStatus } from '../../domain/batch.ts';
import type { BatchClient } from './batch-client.ts';
import { waitForBatch } from './wait-for-batch.ts';

function status(state: BatchStatus['state'], done: number): BatchStatus {
  return { id: 'b', state, providerStatus: state, total: 3, done, succeeded: done, failed: 0 };
}

test('polls until the batch leaves in_progress, sleeping the interval between polls only', async () => {
  const answers = [status('in_progress', 0), status('in_progress', 2), status('ended', 3)];
  const client = { status: () => Promise.resolve(answers.shift()) } as unknown as BatchClient;
  const slept: number[] = [];
  const seen: number[] = [];
  const final = await waitForBatch(client, 'b', {
    intervalMs: 500,
    sleep: (ms) => {
      slept.push(ms);
      return Promise.resolve();
    },
    onStatus: (current) => seen.push(current.done),
  });
  assert.equal(final.state, 'ended');
  assert.deepEqual(slept, [500, 500]);
  assert.deepEqual(seen, [0, 2, 3]);
});
