import assert from 'node:assert/strict';
import { test } from 'node:test';
import { defaultPriceOverrides } from './overrides.ts';
import { resolveTierMultipliers } from './tiers.ts';

const published = { standard: 1, batch: 0.5, flex: 0.5, priority: 2 };

test('the adapter defaults when nothing is configured', () => {
  assert.deepEqual(resolveTierMultipliers('openai', published, defaultPriceOverrides()), published);
});

test('the config replaces single tiers for its provider only', () => {
  const overrides = { ...defaultPriceOverrides(), tierMultipliers: { openai: { priority: 1.75 } } };
  assert.deepEqual(resolveTierMultipliers('openai', published, overrides), {
    ...published,
    priority: 1.75,
  });
  assert.deepEqual(resolveTierMultipliers('azure', published, overrides), published);
});

test('a tier neither side names is the standard price', () => {
  assert.deepEqual(resolveTierMultipliers('x', { batch: 0.5 }, defaultPriceOverrides()), {
    standard: 1,
    batch: 0.5,
    flex: 1,
    priority: 1,
  });
});
