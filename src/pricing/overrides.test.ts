import assert from 'node:assert/strict';
import { test } from 'node:test';
import { defaultPriceOverrides, hashOverrides, type PriceOverrides } from './overrides.ts';

const withDiscount: PriceOverrides = {
  ...defaultPriceOverrides(),
  rules: [{ provider: 'anthropic', model: 'claude-*', discount: 0.1 }],
};

test('the hash is short, hex and stable', () => {
  const hash = hashOverrides(withDiscount);
  assert.match(hash, /^[0-9a-f]{8}$/);
  assert.equal(hashOverrides(structuredClone(withDiscount)), hash);
});

test('key order and undefined members do not change the hash', () => {
  const reordered: PriceOverrides = {
    modelAliases: [],
    tierMultipliers: {},
    rules: [{ discount: 0.1, model: 'claude-*', provider: 'anthropic', effectiveFrom: undefined }],
    currency: 'USD',
  };
  assert.equal(hashOverrides(reordered), hashOverrides(withDiscount));
});

test('any change to a price changes the hash, rule order included', () => {
  const base = hashOverrides(withDiscount);
  const other = {
    ...withDiscount,
    rules: [{ provider: 'anthropic', model: 'claude-*', discount: 0.15 }],
  };
  assert.notEqual(hashOverrides(other), base);
  const two: PriceOverrides = {
    ...defaultPriceOverrides(),
    rules: [{ discount: 0.1 }, { discount: 0.2 }],
  };
  const swapped: PriceOverrides = { ...two, rules: [{ discount: 0.2 }, { discount: 0.1 }] };
  assert.notEqual(hashOverrides(two), hashOverrides(swapped));
});

test('defaults: USD, nothing else, a fresh object each time', () => {
  assert.deepEqual(defaultPriceOverrides(), {
    currency: 'USD',
    rules: [],
    tierMultipliers: {},
    modelAliases: [],
  });
  const mutated: PriceOverrides = defaultPriceOverrides();
  mutated.rules.push({ discount: 0.5 });
  assert.equal(defaultPriceOverrides().rules.length, 0);
});
