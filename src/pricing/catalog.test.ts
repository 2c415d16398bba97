import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { CATALOG_VERSION, lookupCatalogPrice } from './catalog.ts';

const AT = new Date('2026-03-10T12:00:00Z');

test('CATALOG_VERSION names the installed package', () => {
  // The package's `exports` hide its package.json from import; read it beside its entry point.
  const entry = new URL(import.meta.resolve('@pydantic/genai-prices'));
  const packageJson = JSON.parse(readFileSync(new URL('../package.json', entry), 'utf8')) as {
    name: string;
    version: string;
  };
  assert.equal(CATALOG_VERSION, `genai-prices@${packageJson.version}`);
  assert.equal(packageJson.name, '@pydantic/genai-prices');
});

test('a dated snapshot resolves to its catalog model', () => {
  const found = lookupCatalogPrice('anthropic', 'claude-sonnet-4-5-20250929', AT);
  assert.equal(found?.modelId, 'claude-sonnet-4-5');
  assert.equal(found?.modelName, 'Claude Sonnet 4.5');
  assert.deepEqual(found?.prices.input, { base: 3, tiers: [{ start: 200_000, price: 6 }] });
  assert.deepEqual(found?.prices.cacheWrite1h, { base: 6, tiers: [{ start: 200_000, price: 12 }] });
  assert.equal(found?.variesWithinDay, false);
});

test('only token rates are kept', () => {
  const found = lookupCatalogPrice('openai', 'gpt-4o-mini', AT);
  // The catalog also lists web and file search per 1,000 calls; those are not token classes.
  assert.deepEqual(found?.prices, { input: 0.15, output: 0.6, cacheRead: 0.075 });
});

test('Bedrock profiles: global and in-region prices differ', () => {
  assert.equal(
    lookupCatalogPrice('aws', 'global.anthropic.claude-sonnet-4-5-20250929-v1:0', AT)?.prices.input,
    3,
  );
  const regional = lookupCatalogPrice('aws', 'us.anthropic.claude-sonnet-4-5-20250929-v1:0', AT);
  assert.equal(regional?.modelId, 'regional.anthropic.claude-sonnet-4-5-20250929-v1:0');
  assert.equal(regional?.prices.input, 3.3);
});

test('unknown models, unknown providers and non-token models are null', () => {
  assert.equal(lookupCatalogPrice('openai', 'gpt-imaginary-9', AT), null);
  assert.equal(lookupCatalogPrice('vllm', 'llama-3.1-70b', AT), null);
  // whisper-1 is priced per audio hour only.
  assert.equal(lookupCatalogPrice('openai', 'whisper-1', AT), null);
});

test('a model with only an input rate costs nothing for output', () => {
  assert.deepEqual(lookupCatalogPrice('openai', 'text-embedding-3-small', AT)?.prices, {
    input: 0.02,
    output: 0,
  });
});

test('off-peak prices are marked as varying within the day', () => {
  const peak = lookupCatalogPrice('deepseek', 'deepseek-chat', new Date('2026-03-10T12:00:00Z'));
  const offPeak = lookupCatalogPrice('deepseek', 'deepseek-chat', new Date('2026-03-10T20:00:00Z'));
  assert.equal(peak?.variesWithinDay, true);
  assert.notDeepEqual(peak?.prices, offPeak?.prices);
});
