import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CATALOG_VERSION } from './catalog.ts';
import { defaultPriceOverrides, hashOverrides } from './overrides.ts';
import { priceVersion } from './price-version.ts';

test('no overrides: the catalog version alone', () => {
  assert.equal(priceVersion(defaultPriceOverrides()), CATALOG_VERSION);
});

test('with overrides: the catalog version and their hash', () => {
  const overrides = { ...defaultPriceOverrides(), tierMultipliers: { openai: { priority: 1.75 } } };
  assert.equal(priceVersion(overrides), `${CATALOG_VERSION}+overrides.${hashOverrides(overrides)}`);
});
