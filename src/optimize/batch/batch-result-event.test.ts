import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { BatchRecord } from './batch-record.ts';
import { batchEventId, batchResultEvent } from './batch-result-event.ts';

const record: BatchRecord = {
  id: 'batch_1',
  provider: 'openai',
  tags: { team: 'support', extra: { region: 'eu' } },
  file: 'f.jsonl',
  submittedAt: '2026-03-01T00:00:00.000Z',
  requests: 2,
  models: { a: 'gpt-4o-mini', b: 'gpt-4o' },
  state: 'ended',
  providerStatus: 'completed',
  done: 2,
  succeeded: 1,
  failed: 1,
  checkedAt: '2026-03-01T01:00:00.000Z',
};

const tokens = {
  input: 100,
  output: 20,
  cacheRead: 0,
  cacheWrite: 0,
  cacheWrite1h: 0,
  reasoning: 0,
};

test('a success is an ok event on the batch tier with the batch tags and a batch tag', () => {
  const event = batchResultEvent(
    record,
    {
      customId: 'a',
      outcome: 'succeeded',
      model: 'gpt-4o-mini-2024-07-18',
      operation: 'chat',
      tokens,
    },
    1000,
  );
  assert.deepEqual(event, {
    id: 'batch-batch_1-a',
    requestId: 'batch-batch_1-a',
    timestamp: 1000,
    source: 'batch',
    provider: 'openai',
    model: 'gpt-4o-mini-2024-07-18',
    requestedModel: 'gpt-4o-mini',
    operation: 'chat',
    serviceTier: 'batch',
    tokens,
    status: 'ok',
    attempt: 1,
    tags: { team: 'support', extra: { region: 'eu', batch: 'batch_1' } },
  });
});

test('an errored line is an error event on the model it asked for, with 0 tokens', () => {
  const event = batchResultEvent(
    record,
    { customId: 'b', outcome: 'errored', errorKind: 'invalid_request' },
    1000,
  );
  assert.equal(event.model, 'gpt-4o');
  assert.equal(event.status, 'error');
  assert.equal(event.errorKind, 'invalid_request');
  assert.equal(event.tokens.input + event.tokens.output, 0);
});

test('cancelled lines are aborted, expired ones errors; a success without usage is flagged', () => {
  assert.equal(
    batchResultEvent(record, { customId: 'a', outcome: 'canceled' }, 0).status,
    'aborted',
  );
  const expired = batchResultEvent(record, { customId: 'a', outcome: 'expired' }, 0);
  assert.deepEqual([expired.status, expired.errorKind], ['error', 'expired']);
  assert.equal(
    batchResultEvent(record, { customId: 'a', outcome: 'succeeded' }, 0).usageEstimated,
    true,
  );
});

test('ids are stable, and hashed only when too long for the events API', () => {
  assert.equal(batchEventId('batch_1', 'a'), batchEventId('batch_1', 'a'));
  const long = batchEventId('batch_1', 'x'.repeat(200));
  assert.match(long, /^batch-[0-9a-f]{64}$/);
  assert.notEqual(long, batchEventId('batch_2', 'x'.repeat(200)));
});
