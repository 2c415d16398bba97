import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findTokenProblems } from '../../domain/token-classes.ts';
import { normalizeAnthropicUsage } from './normalize-anthropic-usage.ts';

test('anthropic-message.json: input_tokens excludes cache reads and writes', () => {
  // usage: input_tokens 1250, cache_creation_input_tokens 2100 (all 5-minute),
  // cache_read_input_tokens 18432, output_tokens 540
  const tokens = normalizeAnthropicUsage({
    input: 1_250,
    output: 540,
    cacheRead: 18_432,
    cacheWrite: 2_100,
    cacheWrite1h: 0,
    reasoning: 0,
  });
  assert.deepEqual(tokens, {
    input: 21_782, // 1250 + 18432 + 2100
    output: 540,
    cacheRead: 18_432,
    cacheWrite: 2_100,
    cacheWrite1h: 0,
    reasoning: 0,
  });
  assert.deepEqual(findTokenProblems(tokens), []);
});

test('one-hour writes stay a part of all writes; thinking stays a part of output', () => {
  const tokens = normalizeAnthropicUsage({
    input: 2_000,
    output: 800,
    cacheRead: 30_000,
    cacheWrite: 6_000,
    cacheWrite1h: 2_000,
    reasoning: 500,
  });
  assert.equal(tokens.input, 38_000); // 2000 + 30000 + 6000
  assert.equal(tokens.cacheWrite1h, 2_000);
  assert.equal(tokens.output, 800);
  assert.equal(tokens.reasoning, 500);
  assert.deepEqual(findTokenProblems(tokens), []);
});
