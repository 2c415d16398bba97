import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ClassCosts } from '../domain/money.ts';
import { ZERO_TOKENS } from '../domain/token-classes.ts';
import { createProviderRegistry } from '../providers/index.ts';
import {
  CONFORMANCE_COMPATIBLE_PROVIDERS,
  CONFORMANCE_DATE,
  type ConformanceCase,
} from './conformance-case.ts';
import { CONFORMANCE_CASES } from './conformance-cases.ts';
import { createPricer } from './create-pricer.ts';
import { defaultPriceOverrides } from './overrides.ts';

const registry = createProviderRegistry(CONFORMANCE_COMPATIBLE_PROVIDERS);
const TOLERANCE = 1e-12;

function pricerFor(row: ConformanceCase) {
  return createPricer({ registry, overrides: { ...defaultPriceOverrides(), ...row.overrides } });
}

function close(actual: number | null, expected: number, label: string): void {
  assert.ok(actual !== null, `${label}: unpriced`);
  assert.ok(
    Math.abs(actual - expected) <= TOLERANCE,
    `${label}: got ${actual}, expected ${expected}`,
  );
}

test('the table covers every built-in provider and at least 30 calls', () => {
  assert.ok(CONFORMANCE_CASES.length >= 30);
  const providers = new Set(CONFORMANCE_CASES.map((row) => row.provider));
  for (const name of ['openai', 'anthropic', 'gemini', 'bedrock', 'azure'])
    assert.ok(providers.has(name), name);
  assert.equal(new Set(CONFORMANCE_CASES.map((row) => row.id)).size, CONFORMANCE_CASES.length);
});

for (const row of CONFORMANCE_CASES) {
  test(`conformance: ${row.id}`, () => {
    const pricer = pricerFor(row);
    const reported = { ...ZERO_TOKENS, ...row.reported };
    const at = new Date(row.at ?? CONFORMANCE_DATE);
    const quote = pricer.quote({
      provider: row.provider,
      model: row.model,
      reported,
      tier: row.tier,
      at,
    });
    assert.equal(quote.currency, 'USD');
    if (row.expected === null) {
      assert.deepEqual(
        [
          quote.priced,
          quote.input_cost,
          quote.output_cost,
          quote.cache_read_cost,
          quote.cache_write_cost,
          quote.total_cost,
        ],
        [false, null, null, null, null, null],
      );
      return;
    }
    const expected = row.expected;
    assert.equal(quote.priced, true);
    close(quote.input_cost, expected.input ?? 0, 'input');
    close(quote.cache_read_cost, expected.cacheRead ?? 0, 'cache read');
    close(quote.cache_write_cost, expected.cacheWrite ?? 0, 'cache write');
    close(quote.output_cost, expected.output ?? 0, 'output');
    close(quote.total_cost, expected.total, 'total');
    // Reasoning is not in the quote: price the same call as a normalised event.
    const tokens = registry.get(row.provider).normalizeReportedUsage(reported);
    const pricing = pricer.price({
      timestamp: at.getTime(),
      provider: row.provider,
      model: row.model,
      serviceTier: row.tier,
      tokens,
    });
    const effective = pricing.effective as ClassCosts;
    close(effective.reasoning, expected.reasoning ?? 0, 'reasoning');
    close(effective.total, expected.total, 'event total');
  });
}
