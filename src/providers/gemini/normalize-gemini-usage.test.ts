import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findTokenProblems } from '../../domain/token-classes.ts';
import { normalizeGeminiUsage } from './normalize-gemini-usage.ts';

test('gemini-generate-content.json: cached is inside the prompt, thoughts are outside candidates', () => {
  // usageMetadata: promptTokenCount 5230 (cachedContentTokenCount 4096),
  // candidatesTokenCount 212, thoughtsTokenCount 845, totalTokenCount 6287
  const tokens = normalizeGeminiUsage({
    input: 5_230,
    output: 212,
    cacheRead: 4_096,
    cacheWrite: 0,
    cacheWrite1h: 0,
    reasoning: 845,
  });
  assert.deepEqual(tokens, {
    input: 5_230,
    output: 1_057, // 212 + 845
    cacheRead: 4_096,
    cacheWrite: 0,
    cacheWrite1h: 0,
    reasoning: 845,
  });
  // The normalised counts add up to the reported total.
  assert.equal(tokens.input + tokens.output, 6_287);
  assert.deepEqual(findTokenProblems(tokens), []);
});

test('without thinking the output is the candidates alone', () => {
  const tokens = normalizeGeminiUsage({
    input: 100,
    output: 40,
    cacheRead: 0,
    cacheWrite: 0,
    cacheWrite1h: 0,
    reasoning: 0,
  });
  assert.equal(tokens.output, 40);
  assert.equal(tokens.reasoning, 0);
});
