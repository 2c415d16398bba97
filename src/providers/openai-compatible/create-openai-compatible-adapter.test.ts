import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openAiChatProtocol } from '../openai/openai-chat-protocol.ts';
import { openAiEmbeddingsProtocol } from '../openai/openai-embeddings-protocol.ts';
import { openAiResponsesProtocol } from '../openai/openai-responses-protocol.ts';
import { createOpenAiCompatibleAdapter } from './create-openai-compatible-adapter.ts';

const reported = {
  input: 3_200,
  output: 920,
  cacheRead: 2_048,
  cacheWrite: 0,
  cacheWrite1h: 0,
  reasoning: 640,
};

test('a compatible server counts by OpenAI rules under its own name', () => {
  const adapter = createOpenAiCompatibleAdapter('vllm');
  assert.equal(adapter.name, 'vllm');
  assert.equal(adapter.catalogProviderId, 'vllm');
  assert.deepEqual(adapter.normalizeReportedUsage(reported), reported);
});

test('the catalog id can differ from the name', () => {
  const adapter = createOpenAiCompatibleAdapter('groq-eu', 'groq');
  assert.equal(adapter.catalogProviderId, 'groq');
});

test('only batch is discounted by default', () => {
  assert.deepEqual(createOpenAiCompatibleAdapter('ollama').serviceTierMultipliers, {
    standard: 1,
    batch: 0.5,
    flex: 1,
    priority: 1,
  });
});

test('the gateway meters the OpenAI endpoints under any prefix, with a Bearer key', () => {
  const gateway = createOpenAiCompatibleAdapter('groq').gateway;
  assert.ok(gateway);
  assert.equal(gateway.defaultBaseUrl, '', 'the config must give the server');
  assert.equal(gateway.matchPath('POST', '/v1/chat/completions')?.protocol, openAiChatProtocol);
  assert.equal(
    gateway.matchPath('POST', '/openai/v1/chat/completions')?.protocol,
    openAiChatProtocol,
  );
  assert.equal(gateway.matchPath('POST', '/chat/completions')?.protocol, openAiChatProtocol);
  assert.equal(gateway.matchPath('POST', '/v1/responses')?.protocol, openAiResponsesProtocol);
  assert.equal(gateway.matchPath('POST', '/v1/embeddings')?.protocol, openAiEmbeddingsProtocol);
  assert.equal(gateway.matchPath('POST', '/v1/models'), undefined);
  assert.equal(gateway.matchPath('GET', '/v1/chat/completions'), undefined);
  assert.deepEqual(gateway.credentialFor('gsk-1'), { authorization: 'Bearer gsk-1' });
  assert.equal(
    gateway.readCallerCredential({ authorization: 'Bearer gsk-2' }, new URLSearchParams()),
    'gsk-2',
  );
});
