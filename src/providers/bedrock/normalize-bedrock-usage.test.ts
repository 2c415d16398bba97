import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findTokenProblems } from '../../domain/token-classes.ts';
import { normalizeBedrockUsage } from './normalize-bedrock-usage.ts';

test('bedrock-converse.json: inputTokens excludes the cache read', () => {
  // usage: inputTokens 1180, outputTokens 356, cacheReadInputTokens 6144,
  // cacheWriteInputTokens 0, totalTokens 7680 (never used for pricing)
  const tokens = normalizeBedrockUsage({
    input: 1_180,
    output: 356,
    cacheRead: 6_144,
    cacheWrite: 0,
    cacheWrite1h: 0,
    reasoning: 0,
  });
  assert.deepEqual(tokens, {
    input: 7_324, // 1180 + 6144
    output: 356,
    cacheRead: 6_144,
    cacheWrite: 0,
    cacheWrite1h: 0,
    reasoning: 0,
  });
  assert.deepEqual(findTokenProblems(tokens), []);
});

test('cache writes are added back too', () => {
  const tokens = normalizeBedrockUsage({
    input: 2_000,
    output: 500,
    cacheRead: 1_000,
    cacheWrite: 4_000,
    cacheWrite1h: 0,
    reasoning: 120,
  });
  assert.equal(tokens.input, 7_000); // 2000 + 1000 + 4000
  assert.equal(tokens.output, 500);
  assert.equal(tokens.reasoning, 120);
});
