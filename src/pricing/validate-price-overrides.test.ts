import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ValidationError } from '../domain/errors/index.ts';
import { defaultPriceOverrides, type PriceOverrides } from './overrides.ts';
import { validatePriceOverrides } from './validate-price-overrides.ts';

function issuesOf(overrides: PriceOverrides): string[] {
  try {
    validatePriceOverrides(overrides);
    return [];
  } catch (error) {
    assert.ok(error instanceof ValidationError);
    return error.issues.map((issue) => issue.field);
  }
}

test('the defaults and a full valid set pass', () => {
  assert.deepEqual(issuesOf(defaultPriceOverrides()), []);
  const valid: PriceOverrides = {
    currency: 'EUR',
    exchangeRate: 0.92,
    rules: [
      { provider: 'anthropic', discount: 0.1, effectiveFrom: '2026-04-01' },
      { model: 'private-*', prices: { inputPerMTok: 1, outputPerMTok: 2 } },
      { model: 'llama*', selfHosted: { gpuHourCost: 4, tokensPerSecond: 800 } },
    ],
    tierMultipliers: { openai: { priority: 1.75 } },
    modelAliases: [{ provider: 'azure', alias: 'prod', model: 'gpt-4o' }],
  };
  assert.deepEqual(issuesOf(valid), []);
});

test('every problem is listed with its path', () => {
  const invalid: PriceOverrides = {
    currency: 'euro',
    rules: [
      {},
      { discount: 1.5, effectiveFrom: '2026-02-30' },
      {
        prices: { inputPerMTok: -1, outputPerMTok: 1 },
        selfHosted: { gpuHourCost: 1, tokensPerSecond: 0 },
      },
    ],
    tierMultipliers: { openai: { turbo: 2 } as Record<string, number> },
    modelAliases: [{ provider: 'azure', alias: '', model: 'gpt-4o' }],
  };
  assert.deepEqual(issuesOf(invalid), [
    'currency',
    'exchangeRate',
    'rules[0]',
    'rules[1].discount',
    'rules[1].effectiveFrom',
    'rules[2]',
    'rules[2].prices.inputPerMTok',
    'rules[2].selfHosted.tokensPerSecond',
    'tierMultipliers.openai.turbo',
    'modelAliases[0]',
  ]);
});

test('a currency other than USD needs the rate to convert catalog prices', () => {
  assert.deepEqual(issuesOf({ ...defaultPriceOverrides(), currency: 'EUR' }), ['exchangeRate']);
});
