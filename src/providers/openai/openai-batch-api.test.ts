import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { BatchHttpRequest } from '../batch-api.ts';
import { openAiBatchApi } from './openai-batch-api.ts';

const fixture = (name: string) =>
  readFileSync(join(import.meta.dirname, '__fixtures__', name), 'utf8');

const line = (customId: string, url?: string) => ({
  customId,
  body: { model: 'gpt-4o-mini', messages: [] },
  line: 1,
  ...(url === undefined ? {} : { url }),
});

test('reads a batch object and both result files with the gateway readers', async () => {
  const files: Record<string, string> = {
    '/v1/batches/batch_abc123': fixture('openai-batch.json'),
    '/v1/files/file-cvaTdG/content': fixture('openai-batch-output.jsonl'),
    '/v1/files/file-HOWS94/content': fixture('openai-batch-errors.jsonl'),
  };
  const send = (request: BatchHttpRequest) =>
    Promise.resolve({ status: 200, text: files[request.path] ?? '' });
  assert.deepEqual(await openAiBatchApi.status(send, 'batch_abc123'), {
    id: 'batch_abc123',
    state: 'ended',
    providerStatus: 'completed',
    total: 3,
    done: 3,
    succeeded: 1,
    failed: 2,
    endedAt: 1711493163000,
    endpoint: '/v1/chat/completions',
    outputFileId: 'file-cvaTdG',
    errorFileId: 'file-HOWS94',
  });
  assert.deepEqual(await openAiBatchApi.results(send, 'batch_abc123'), [
    {
      customId: 'request-1',
      operation: 'chat',
      model: 'gpt-4o-mini-2024-07-18',
      outcome: 'succeeded',
      // OpenAI's prompt_tokens already include the cached ones: passed through as they are.
      tokens: {
        input: 2000,
        output: 300,
        cacheRead: 1024,
        cacheWrite: 0,
        cacheWrite1h: 0,
        reasoning: 0,
      },
    },
    { customId: 'request-2', operation: 'chat', outcome: 'errored', errorKind: 'invalid_request' },
    { customId: 'request-3', operation: 'chat', outcome: 'expired' },
  ]);
});

test('uploads the lines as a batch file, then creates the batch over it', async () => {
  const sent: BatchHttpRequest[] = [];
  const replies = [
    { id: 'file-1', object: 'file' },
    { id: 'batch_1', status: 'validating', request_counts: { total: 1, completed: 0, failed: 0 } },
  ];
  const send = (request: BatchHttpRequest) => {
    sent.push(request);
    return Promise.resolve({ status: 200, text: JSON.stringify(replies.shift()) });
  };
  const status = await openAiBatchApi.submit(send, [line('a')]);
  assert.deepEqual([status.id, status.state, status.total], ['batch_1', 'in_progress', 1]);
  assert.equal(sent[0]?.path, '/v1/files');
  assert.match(sent[0]?.body ?? '', /name="purpose"\r\n\r\nbatch\r\n/);
  assert.match(
    sent[0]?.body ?? '',
    /{"custom_id":"a","method":"POST","url":"\/v1\/chat\/completions"/,
  );
  assert.deepEqual(JSON.parse(sent[1]?.body ?? ''), {
    input_file_id: 'file-1',
    endpoint: '/v1/chat/completions',
    completion_window: '24h',
  });
});

test('a refusal carries the API message; lines must share one served endpoint', async () => {
  const send = () =>
    Promise.resolve({ status: 401, text: fixture('openai-rate-limit-error.json') });
  await assert.rejects(openAiBatchApi.status(send, 'b'), (error: Error & { fix?: string }) => {
    assert.match(error.message, /^openai answered 401 to the status request: Rate limit reached/);
    assert.match(error.fix ?? '', /providers\.openai\.apiKeyEnv/);
    return true;
  });
  assert.equal(
    openAiBatchApi.checkRequests([line('a'), line('b', '/v1/chat/completions')]),
    undefined,
  );
  assert.match(
    openAiBatchApi.checkRequests([line('a', '/v1/images')])?.reason ?? '',
    /not one the Batch API serves/,
  );
  assert.match(
    openAiBatchApi.checkRequests([line('a'), { ...line('b', '/v1/embeddings'), line: 2 }])
      ?.reason ?? '',
    /differs from line 1's "\/v1\/chat\/completions"/,
  );
});
