import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findTokenProblems } from '../../domain/token-classes.ts';
import { normalizeOpenAiUsage } from './normalize-openai-usage.ts';

test('openai-chat-completion.json: prompt and completion already include cached and reasoning', () => {
  // usage: prompt_tokens 3200 (cached_tokens 2048), completion_tokens 920 (reasoning_tokens 640)
  const tokens = normalizeOpenAiUsage({
    input: 3200,
    output: 920,
    cacheRead: 2048,
    cacheWrite: 0,
    cacheWrite1h: 0,
    reasoning: 640,
  });
  assert.deepEqual(tokens, {
    input: 3200,
    output: 920,
    cacheRead: 2048,
    cacheWrite: 0,
    cacheWrite1h: 0,
    reasoning: 640,
  });
  assert.deepEqual(findTokenProblems(tokens), []);
});

test('cache_write_tokens are a part of prompt_tokens, not added to it', () => {
  const tokens = normalizeOpenAiUsage({
    input: 10_000,
    output: 500,
    cacheRead: 4_000,
    cacheWrite: 3_000,
    cacheWrite1h: 0,
    reasoning: 0,
  });
  assert.equal(tokens.input, 10_000);
  assert.equal(tokens.cacheWrite, 3_000);
  assert.equal(tokens.input - tokens.cacheRead - tokens.cacheWrite, 3_000);
});
