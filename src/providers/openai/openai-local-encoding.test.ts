import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openAiLocalEncoding } from './openai-local-encoding.ts';

test('GPT-4o onwards and the o-series count with o200k_base', () => {
  for (const model of [
    'gpt-4o-mini-2024-07-18',
    'gpt-4.1',
    'gpt-5-mini',
    'o4-mini-2025-04-16',
    'o3',
    'openai/gpt-4o',
  ]) {
    assert.equal(openAiLocalEncoding(model), 'o200k_base', model);
  }
});

test('GPT-4, GPT-3.5 and the embedding models count with cl100k_base; others are unknown', () => {
  for (const model of ['gpt-4-turbo', 'gpt-4-0613', 'gpt-3.5-turbo', 'text-embedding-3-small']) {
    assert.equal(openAiLocalEncoding(model), 'cl100k_base', model);
  }
  for (const model of ['llama-3.1-8b-instruct', 'mistral-large-latest', 'my-prod-deployment']) {
    assert.equal(openAiLocalEncoding(model), undefined, model);
  }
});
