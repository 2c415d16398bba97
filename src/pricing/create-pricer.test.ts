import assert from 'node:assert/strict';
import { test } from 'node:test';
import { UnknownProviderError, ValidationError } from '../domain/errors/index.ts';
import { ZERO_TOKENS, type TokenCounts } from '../domain/token-classes.ts';
import type { UsageEvent } from '../domain/usage-event.ts';
import { createProviderRegistry } from '../providers/index.ts';
import { CATALOG_VERSION } from './catalog.ts';
import { createPricer } from './create-pricer.ts';
import { defaultPriceOverrides, type PriceOverrides } from './overrides.ts';

const registry = createProviderRegistry([{ name: 'vllm' }]);
const AT = new Date('2026-03-10T12:00:00Z');

function pricerWith(overrides: Partial<PriceOverrides> = {}) {
  return createPricer({ registry, overrides: { ...defaultPriceOverrides(), ...overrides } });
}

function event(
  provider: string,
  model: string,
  tokens: Partial<TokenCounts>,
  extra: Partial<UsageEvent> = {},
): UsageEvent {
  return {
    id: 'e1',
    timestamp: AT.getTime(),
    source: 'api',
    provider,
    model,
    serviceTier: 'standard',
    tokens: { ...ZERO_TOKENS, ...tokens },
    status: 'ok',
    attempt: 1,
    tags: {},
    ...extra,
  };
}

const fixtureTokens = { input: 3200, cacheRead: 2048, output: 920, reasoning: 640 };

test('a catalog model: list = effective, no flags, the catalog version', () => {
  const pricer = pricerWith();
  const pricing = pricer.price(event('openai', 'o4-mini-2025-04-16', fixtureTokens));
  assert.equal(pricer.version, CATALOG_VERSION);
  assert.deepEqual(pricing, {
    currency: 'USD',
    priceVersion: CATALOG_VERSION,
    contextTier: 'standard',
    list: {
      input: 0.0012672,
      cacheRead: 0.0005632,
      cacheWrite: 0,
      cacheWrite1h: 0,
      output: 0.004048,
      reasoning: 0.002816,
      total: 0.0058784,
    },
    effective: {
      input: 0.0012672,
      cacheRead: 0.0005632,
      cacheWrite: 0,
      cacheWrite1h: 0,
      output: 0.004048,
      reasoning: 0.002816,
      total: 0.0058784,
    },
    flags: [],
  });
});

test('a discount lowers effective cost and keeps the list price', () => {
  const pricer = pricerWith({ rules: [{ provider: 'openai', discount: 0.5 }] });
  const pricing = pricer.price(event('openai', 'o4-mini', fixtureTokens));
  assert.equal(pricing.list?.total, 0.0058784);
  assert.equal(pricing.effective?.total, 0.0029392);
  assert.match(pricing.priceVersion, /^genai-prices@[\d.]+\+overrides\.[0-9a-f]{8}$/);
});

test('an unknown model or provider is flagged, never thrown, never $0', () => {
  const pricer = pricerWith();
  for (const pricing of [
    pricer.price(event('openai', 'gpt-imaginary-9', { input: 10, output: 1 })),
    pricer.price(event('mystery', 'gpt-4o', { input: 10, output: 1 })),
  ]) {
    assert.deepEqual(
      [pricing.list, pricing.effective, pricing.flags],
      [null, null, ['price-missing']],
    );
  }
});

test('a given cost is the effective total; list is still the catalog price', () => {
  const pricer = pricerWith();
  const known = pricer.price(event('openai', 'o4-mini', fixtureTokens, { givenCost: 0.005 }));
  assert.equal(known.list?.total, 0.0058784);
  assert.deepEqual(known.effective, {
    input: 0,
    cacheRead: 0,
    cacheWrite: 0,
    cacheWrite1h: 0,
    output: 0,
    reasoning: 0,
    total: 0.005,
  });
  assert.deepEqual(known.flags, []);
  const unknown = pricer.price(
    event('openai', 'gpt-imaginary-9', { input: 10 }, { givenCost: 0.01 }),
  );
  assert.equal(unknown.list, null);
  assert.equal(unknown.effective?.total, 0.01);
  assert.deepEqual(unknown.flags, ['price-missing']);
});

test('long context is recorded on the event', () => {
  const pricing = pricerWith().price(
    event('gemini', 'gemini-2.5-pro', { input: 250_000, output: 10 }),
  );
  assert.equal(pricing.contextTier, 'long');
});

test('one pricer follows a dated rule across days', () => {
  const pricer = pricerWith({
    rules: [{ model: 'gpt-4.1', effectiveFrom: '2026-04-01', discount: 0.25 }],
  });
  const tokens = { input: 10_000, output: 1_000 };
  const before = pricer.price(
    event('openai', 'gpt-4.1', tokens, { timestamp: Date.parse('2026-03-31T23:00:00Z') }),
  );
  const after = pricer.price(
    event('openai', 'gpt-4.1', tokens, { timestamp: Date.parse('2026-04-01T01:00:00Z') }),
  );
  assert.deepEqual([before.effective?.total, after.effective?.total], [0.028, 0.021]);
});

test('a configured tier multiplier replaces the published one', () => {
  const pricer = pricerWith({ tierMultipliers: { openai: { priority: 1.75 } } });
  const quote = pricer.quote({
    provider: 'openai',
    model: 'gpt-4.1',
    reported: { ...ZERO_TOKENS, input: 1_000_000 },
    tier: 'priority',
    at: AT,
  });
  assert.equal(quote.total_cost, 3.5); // 2 × 1.75
});

test('another currency converts catalog prices but not rule prices', () => {
  const pricer = pricerWith({
    currency: 'EUR',
    exchangeRate: 0.5,
    rules: [{ model: 'acme-*', prices: { inputPerMTok: 1, outputPerMTok: 1 } }],
  });
  const reported = { ...ZERO_TOKENS, input: 1_000_000 };
  const catalog = pricer.quote({
    provider: 'openai',
    model: 'gpt-4.1',
    reported,
    tier: 'standard',
    at: AT,
  });
  const custom = pricer.quote({
    provider: 'openai',
    model: 'acme-7b',
    reported,
    tier: 'standard',
    at: AT,
  });
  assert.deepEqual([catalog.currency, catalog.total_cost, custom.total_cost], ['EUR', 1, 1]);
});

test('quote refuses an unknown provider, counts that break the rules, and a bad date', () => {
  const pricer = pricerWith();
  const reported = { ...ZERO_TOKENS, input: 100 };
  assert.throws(
    () => pricer.quote({ provider: 'mystery', model: 'm', reported, tier: 'standard', at: AT }),
    UnknownProviderError,
  );
  assert.throws(
    () =>
      pricer.quote({
        provider: 'openai',
        model: 'gpt-4.1',
        reported: { ...reported, cacheRead: 200 },
        tier: 'standard',
        at: AT,
      }),
    (error: unknown) => error instanceof ValidationError && error.issues[0]?.field === 'input',
  );
  assert.throws(
    () =>
      pricer.quote({
        provider: 'openai',
        model: 'gpt-4.1',
        reported,
        tier: 'standard',
        at: new Date('x'),
      }),
    ValidationError,
  );
});

test('describe: rates with fallbacks and tiers, multipliers, matching rules', () => {
  const rule = { provider: 'azure', model: 'gpt-4o', discount: 0.2 };
  const pricer = pricerWith({
    rules: [rule],
    modelAliases: [{ provider: 'azure', alias: 'prod-4o', model: 'gpt-4o' }],
  });
  const description = pricer.describe('azure', 'prod-4o', AT);
  assert.equal(description?.pricedModel, 'gpt-4o');
  assert.equal(description?.catalogModelId, 'gpt-4o');
  assert.equal(description?.source, 'catalog');
  assert.deepEqual(description?.rates.cacheRead, { perMTok: 1.25, longContext: [] });
  assert.deepEqual(description?.rates.cacheWrite, { perMTok: 2.5, longContext: [] });
  assert.deepEqual(description?.serviceTierMultipliers, {
    standard: 1,
    batch: 0.5,
    flex: 1,
    priority: 1,
  });
  assert.equal(description?.discount, 0.2);
  assert.deepEqual(description?.rules, [rule]);
  assert.equal(pricer.describe('azure', 'unknown-deployment', AT), null);
  assert.throws(() => pricer.describe('mystery', 'm', AT), UnknownProviderError);
});

test('describe a self-hosted model: one rate for every token, tiers do not apply', () => {
  const pricer = pricerWith({
    rules: [{ provider: 'vllm', selfHosted: { gpuHourCost: 3.6, tokensPerSecond: 500 } }],
  });
  const description = pricer.describe('vllm', 'llama-3.1-8b', AT);
  assert.equal(description?.source, 'self-hosted');
  assert.equal(description?.rates.input.perMTok, 2); // 3.60 / 3600 / 500 × 1M
  assert.equal(description?.rates.outputReasoning.perMTok, 2);
  assert.equal(description?.serviceTierMultipliers.batch, 1);
});

test('overrides that cannot apply are refused when the pricer is built', () => {
  assert.throws(() => pricerWith({ rules: [{ discount: 2 }] }), ValidationError);
});
