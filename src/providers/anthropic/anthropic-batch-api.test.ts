import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { BatchHttpRequest } from '../batch-api.ts';
import { anthropicBatchApi } from './anthropic-batch-api.ts';

const fixture = (name: string) =>
  readFileSync(join(import.meta.dirname, '__fixtures__', name), 'utf8');
const ID = 'msgbatch_013Zva2CMHLNnXjNJJKqJ2EF';

test('reads a Message Batch and its results with the gateway readers', async () => {
  const sent: BatchHttpRequest[] = [];
  const send = (request: BatchHttpRequest) => {
    sent.push(request);
    const text = request.path.endsWith('/results')
      ? fixture('anthropic-batch-results.jsonl')
      : fixture('anthropic-message-batch.json');
    return Promise.resolve({ status: 200, text });
  };
  assert.deepEqual(await anthropicBatchApi.status(send, ID), {
    id: ID,
    state: 'ended',
    providerStatus: 'ended',
    total: 4,
    done: 4,
    succeeded: 1,
    failed: 3,
    endedAt: Date.parse('2024-08-20T18:37:24.100435Z'),
  });
  assert.deepEqual(await anthropicBatchApi.results(send, ID), [
    {
      customId: 'my-first-request',
      operation: 'messages',
      outcome: 'succeeded',
      model: 'claude-haiku-4-5-20251001',
      // input_tokens leaves out cache reads and writes: normalised, input is all three.
      tokens: {
        input: 2111,
        output: 36,
        cacheRead: 2000,
        cacheWrite: 100,
        cacheWrite1h: 0,
        reasoning: 0,
      },
    },
    {
      customId: 'my-second-request',
      operation: 'messages',
      outcome: 'errored',
      errorKind: 'invalid_request',
    },
    { customId: 'my-third-request', operation: 'messages', outcome: 'canceled' },
    { customId: 'my-fourth-request', operation: 'messages', outcome: 'expired' },
  ]);
  assert.equal(sent[1]?.path, `/v1/messages/batches/${ID}/results`);
  assert.equal(sent[1]?.headers?.['anthropic-version'], '2023-06-01');
});

test('sends every request in one call, and checks custom_id and url first', async () => {
  let body = '';
  const send = (request: BatchHttpRequest) => {
    body = request.body ?? '';
    return Promise.resolve({ status: 200, text: fixture('anthropic-message-batch.json') });
  };
  const request = { customId: 'a-1', body: { model: 'claude-haiku-4-5' }, line: 1 };
  await anthropicBatchApi.submit(send, [request]);
  assert.deepEqual(JSON.parse(body), {
    requests: [{ custom_id: 'a-1', params: { model: 'claude-haiku-4-5' } }],
  });
  assert.equal(anthropicBatchApi.checkRequests([{ ...request, url: '/v1/messages' }]), undefined);
  assert.match(
    anthropicBatchApi.checkRequests([{ ...request, customId: 'a b' }])?.reason ?? '',
    /1 to 64 letters/,
  );
  assert.match(
    anthropicBatchApi.checkRequests([{ ...request, url: '/v1/complete' }])?.reason ?? '',
    /not \/v1\/messages/,
  );
});

test('a refusal carries the API message and a fix for its status', async () => {
  const send = () =>
    Promise.resolve({ status: 429, text: fixture('anthropic-rate-limit-error.json') });
  await assert.rejects(anthropicBatchApi.status(send, ID), (error: Error & { fix?: string }) => {
    assert.match(error.message, /^anthropic answered 429 to the status request: /);
    assert.equal(error.fix, 'try again in a while');
    return true;
  });
});
