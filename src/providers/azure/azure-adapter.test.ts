import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openAiChatProtocol } from '../openai/openai-chat-protocol.ts';
import { openAiEmbeddingsProtocol } from '../openai/openai-embeddings-protocol.ts';
import { openAiResponsesProtocol } from '../openai/openai-responses-protocol.ts';
import { azureAdapter } from './azure-adapter.ts';

test('Azure OpenAI counts like OpenAI and prices from the azure catalog', () => {
  assert.equal(azureAdapter.name, 'azure');
  assert.equal(azureAdapter.catalogProviderId, 'azure');
  // An Azure chat completion: prompt_tokens 8000 (cached 3000), completion_tokens 600.
  const tokens = azureAdapter.normalizeReportedUsage({
    input: 8_000,
    output: 600,
    cacheRead: 3_000,
    cacheWrite: 0,
    cacheWrite1h: 0,
    reasoning: 0,
  });
  assert.deepEqual(tokens, {
    input: 8_000,
    output: 600,
    cacheRead: 3_000,
    cacheWrite: 0,
    cacheWrite1h: 0,
    reasoning: 0,
  });
  assert.equal(azureAdapter.serviceTierMultipliers.batch, 0.5);
});

test('the gateway meters deployment paths, the deployment name being the path model', () => {
  const gateway = azureAdapter.gateway;
  assert.ok(gateway);
  assert.deepEqual(
    gateway.matchPath('POST', '/openai/deployments/gpt-4o-mini-prod/chat/completions'),
    {
      protocol: openAiChatProtocol,
      pathModel: 'gpt-4o-mini-prod',
      streamByPath: false,
    },
  );
  assert.deepEqual(gateway.matchPath('POST', '/openai/deployments/emb%20eu/embeddings/'), {
    protocol: openAiEmbeddingsProtocol,
    pathModel: 'emb eu',
    streamByPath: false,
  });
  assert.equal(
    gateway.matchPath('POST', '/openai/deployments/bad%zz/chat/completions')?.pathModel,
    'bad%zz',
  );
  assert.equal(
    gateway.matchPath('POST', '/openai/v1/responses')?.protocol,
    openAiResponsesProtocol,
  );
  assert.equal(gateway.matchPath('POST', '/openai/v1/chat/completions')?.pathModel, undefined);
  assert.equal(gateway.matchPath('GET', '/openai/deployments/d/chat/completions'), undefined);
  assert.equal(gateway.matchPath('POST', '/openai/deployments/d/completions'), undefined);
});

test('the gateway sends api-key upstream and reads api-key or a Bearer from the caller', () => {
  const gateway = azureAdapter.gateway;
  assert.ok(gateway);
  const query = new URLSearchParams();
  assert.equal(gateway.defaultBaseUrl, '');
  assert.deepEqual(gateway.credentialHeaders, ['api-key', 'authorization']);
  assert.deepEqual(gateway.credentialFor('az-key'), { 'api-key': 'az-key' });
  assert.equal(gateway.readCallerCredential({ 'api-key': 'az-1' }, query), 'az-1');
  assert.equal(
    gateway.readCallerCredential({ authorization: 'Bearer entra-token' }, query),
    'entra-token',
  );
  assert.equal(gateway.readCallerCredential({}, query), undefined);
});
