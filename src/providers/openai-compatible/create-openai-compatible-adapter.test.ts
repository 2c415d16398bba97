import assert from 'node:assert/strict';
import { test } from 'node:test';
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
