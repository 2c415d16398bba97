import assert from 'node:assert/strict';
import { test } from 'node:test';
// The catalog library is imported here only to check our per-class arithmetic against its own
// total; production code reaches it through catalog.ts alone.
import { calcPrice, findProvider } from '@pydantic/genai-prices';
import type { TokenCounts } from '../domain/token-classes.ts';
import { lookupCatalogPrice } from './catalog.ts';
import { priceUsage } from './price-usage.ts';

const AT = new Date('2026-03-10T12:00:00Z');
const PROVIDERS = ['openai', 'anthropic', 'google', 'aws', 'azure', 'deepseek', 'mistral', 'x-ai'];

/** Deterministic pseudo-random counts, small and large (past 200k, into long context). */
function* tokenSamples(count: number): Generator<TokenCounts> {
  let seed = 42;
  const next = (max: number) => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return Math.floor((seed / 2_147_483_648) * (max + 1));
  };
  for (let index = 0; index < count; index++) {
    const input = next(index % 2 === 0 ? 20_000 : 400_000);
    const cacheRead = next(Math.floor(input / 2));
    const cacheWrite = next(input - cacheRead);
    const output = next(30_000);
    yield {
      input,
      cacheRead,
      cacheWrite,
      cacheWrite1h: next(cacheWrite),
      output,
      reasoning: next(output),
    };
  }
}

test('per-class totals equal the catalog library total, model by model', () => {
  let compared = 0;
  for (const providerId of PROVIDERS) {
    for (const model of findProvider({ providerId })?.models ?? []) {
      const ours = lookupCatalogPrice(providerId, model.id, AT);
      if (!ours) continue;
      for (const tokens of tokenSamples(12)) {
        let theirs: ReturnType<typeof calcPrice>;
        try {
          theirs = calcPrice(
            {
              input_tokens: tokens.input,
              cache_read_tokens: tokens.cacheRead,
              cache_write_tokens: tokens.cacheWrite,
              cache_write_1h_tokens: tokens.cacheWrite1h,
              output_tokens: tokens.output,
              output_reasoning_tokens: tokens.reasoning,
            },
            model.id,
            { providerId, timestamp: AT },
          );
        } catch {
          continue; // the library refuses some rate combinations (a 1h price without a 5m one)
        }
        // Per-request fees are not a token class; such models are outside this comparison.
        if (!theirs || theirs.model_price.requests_kcount !== undefined) continue;
        const { costs } = priceUsage(ours.prices, tokens, 1);
        const label = `${providerId}/${model.id} ${JSON.stringify(tokens)}`;
        assert.ok(
          Math.abs(costs.total - theirs.total_price) <= 1e-12,
          `${label}: ${costs.total} vs ${theirs.total_price}`,
        );
        const input = costs.input + costs.cacheRead + costs.cacheWrite;
        assert.ok(Math.abs(input - theirs.input_price) <= 1e-12, `${label}: input`);
        assert.ok(Math.abs(costs.output - theirs.output_price) <= 1e-12, `${label}: output`);
        compared++;
      }
    }
  }
  assert.ok(compared > 2_000, `compared ${compared} cases`);
});
