import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openAiChatProtocol } from './openai-chat-protocol.ts';
import { openAiEmbeddingsProtocol } from './openai-embeddings-protocol.ts';
import { openAiGateway } from './openai-gateway.ts';
import { openAiResponsesProtocol } from './openai-responses-protocol.ts';

const query = new URLSearchParams();

test('meters POST chat completions, responses and embeddings under /v1', () => {
  assert.deepEqual(openAiGateway.matchPath('POST', '/v1/chat/completions'), {
    protocol: openAiChatProtocol,
    streamByPath: false,
  });
  assert.equal(openAiGateway.matchPath('POST', '/v1/responses')?.protocol, openAiResponsesProtocol);
  assert.equal(
    openAiGateway.matchPath('post', '/v1/embeddings/')?.protocol,
    openAiEmbeddingsProtocol,
  );
  assert.equal(
    openAiGateway.matchPath('POST', '/v1/chat/completions?x=1')?.protocol,
    openAiChatProtocol,
  );
});

test('anything else passes through unmetered', () => {
  for (const [method, path] of [
    ['GET', '/v1/chat/completions'],
    ['POST', '/v1/models'],
    ['POST', '/v1/responses/resp_1/cancel'],
    ['POST', '/chat/completions'],
    ['POST', '/openai/v1/chat/completions'],
    ['POST', '/v1/files'],
  ] as const) {
    assert.equal(openAiGateway.matchPath(method, path), undefined, `${method} ${path}`);
  }
});

test('credentials: a Bearer key both ways', () => {
  assert.equal(openAiGateway.defaultBaseUrl, 'https://api.openai.com');
  assert.deepEqual(openAiGateway.credentialHeaders, ['authorization']);
  assert.deepEqual(openAiGateway.credentialFor('sk-live'), { authorization: 'Bearer sk-live' });
  assert.equal(
    openAiGateway.readCallerCredential({ authorization: 'Bearer tk-virtual' }, query),
    'tk-virtual',
  );
  assert.equal(openAiGateway.readCallerCredential({}, query), undefined);
  assert.equal(openAiGateway.readCallerCredential({ 'x-api-key': 'k' }, query), undefined);
});
