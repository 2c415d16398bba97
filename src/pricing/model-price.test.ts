import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  completeModelPrice,
  longContextStart,
  rateAt,
  scaleModelPrice,
  type ModelPrice,
} from './model-price.ts';

const tiered: ModelPrice = {
  input: { base: 1.25, tiers: [{ start: 200_000, price: 2.5 }] },
  output: { base: 10, tiers: [{ start: 200_000, price: 15 }] },
};

test('a tier applies only ABOVE its start', () => {
  assert.equal(rateAt(tiered.input, 200_000), 1.25);
  assert.equal(rateAt(tiered.input, 200_001), 2.5);
  assert.equal(rateAt(3, 10_000_000), 3);
});

test('several tiers: the highest start passed wins', () => {
  const rate = {
    base: 1,
    tiers: [
      { start: 100, price: 2 },
      { start: 1000, price: 3 },
    ],
  };
  assert.deepEqual([rateAt(rate, 100), rateAt(rate, 101), rateAt(rate, 1001)], [1, 2, 3]);
});

test('the long-context start is the lowest first tier; flat prices have none', () => {
  assert.equal(longContextStart(tiered), 200_000);
  assert.equal(longContextStart({ input: 1, output: 2 }), Infinity);
});

test('missing rates fall back the way providers bill them', () => {
  assert.deepEqual(completeModelPrice({ input: 2, output: 8, cacheWrite: 2.5 }), {
    input: 2,
    output: 8,
    cacheRead: 2,
    cacheWrite: 2.5,
    cacheWrite1h: 2.5,
    outputReasoning: 8,
  });
});

test('scaling converts every rate and tier', () => {
  assert.deepEqual(scaleModelPrice({ ...tiered, cacheRead: 0.5 }, 2), {
    input: { base: 2.5, tiers: [{ start: 200_000, price: 5 }] },
    output: { base: 20, tiers: [{ start: 200_000, price: 30 }] },
    cacheRead: 1,
  });
});
