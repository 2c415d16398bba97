import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ZERO_TOKENS } from '../domain/token-classes.ts';
import type { ModelPrice } from './model-price.ts';
import { priceUsage } from './price-usage.ts';

const sonnet: ModelPrice = {
  input: { base: 3, tiers: [{ start: 200_000, price: 6 }] },
  output: { base: 15, tiers: [{ start: 200_000, price: 22.5 }] },
  cacheRead: { base: 0.3, tiers: [{ start: 200_000, price: 0.6 }] },
  cacheWrite: { base: 3.75, tiers: [{ start: 200_000, price: 7.5 }] },
  cacheWrite1h: { base: 6, tiers: [{ start: 200_000, price: 12 }] },
};

test('each class at its own rate; output includes reasoning', () => {
  const { costs, contextTier } = priceUsage(
    sonnet,
    {
      input: 21_782,
      cacheRead: 18_432,
      cacheWrite: 2_100,
      cacheWrite1h: 0,
      output: 540,
      reasoning: 40,
    },
    1,
  );
  assert.equal(contextTier, 'standard');
  assert.deepEqual(costs, {
    input: 0.00375, // 1250 × 3
    cacheRead: 0.0055296, // 18432 × 0.30
    cacheWrite: 0.007875, // 2100 × 3.75
    cacheWrite1h: 0,
    output: 0.0081, // 540 × 15
    reasoning: 0.0006, // 40 × 15
    total: 0.0252546,
  });
});

test('one-hour writes at their own rate, five-minute writes at theirs', () => {
  const { costs } = priceUsage(
    sonnet,
    { ...ZERO_TOKENS, input: 10_000, cacheWrite: 10_000, cacheWrite1h: 4_000 },
    1,
  );
  assert.equal(costs.cacheWrite, 0.0465); // 6000 × 3.75 + 4000 × 6
  assert.equal(costs.cacheWrite1h, 0.024); // 4000 × 6, the part of the writes above
  assert.equal(costs.input, 0);
});

test('long context: every class re-rated once total input, cache included, exceeds 200k', () => {
  const { costs, contextTier } = priceUsage(
    sonnet,
    { ...ZERO_TOKENS, input: 210_000, cacheRead: 60_000, output: 2_000 },
    1,
  );
  assert.equal(contextTier, 'long');
  assert.equal(costs.input, 0.9); // 150000 × 6
  assert.equal(costs.cacheRead, 0.036); // 60000 × 0.60
  assert.equal(costs.output, 0.045); // 2000 × 22.50
});

test('the multiplier scales every class', () => {
  const { costs } = priceUsage(
    { input: 2, output: 8 },
    { ...ZERO_TOKENS, input: 50_000, output: 2_000, reasoning: 1_000 },
    0.5,
  );
  assert.deepEqual(costs, {
    input: 0.05,
    cacheRead: 0,
    cacheWrite: 0,
    cacheWrite1h: 0,
    output: 0.008,
    reasoning: 0.004,
    total: 0.058,
  });
});

test('a reasoning rate, where the catalog has one, applies to the reasoning part only', () => {
  const { costs } = priceUsage(
    { input: 1, output: 4, outputReasoning: 10 },
    { ...ZERO_TOKENS, output: 1_000, reasoning: 400 },
    1,
  );
  assert.equal(costs.reasoning, 0.004); // 400 × 10
  assert.equal(costs.output, 0.0064); // 600 × 4 + 400 × 10
});

test('missing cache rates bill at the input rate', () => {
  const { costs } = priceUsage(
    { input: 2, output: 8 },
    { ...ZERO_TOKENS, input: 10_000, cacheRead: 2_000, cacheWrite: 3_000, cacheWrite1h: 1_000 },
    1,
  );
  assert.deepEqual([costs.input, costs.cacheRead, costs.cacheWrite], [0.01, 0.004, 0.006]);
});

test('zero tokens cost zero', () => {
  assert.equal(priceUsage(sonnet, ZERO_TOKENS, 1).costs.total, 0);
});
