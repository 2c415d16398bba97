import assert from 'node:assert/strict';
import { test } from 'node:test';
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
