import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ValidationError } from '../../domain/errors/index.ts';
import { createPricer, defaultPriceOverrides } from '../../pricing/index.ts';
import { createProviderRegistry } from '../../providers/index.ts';
import { estimateModelCosts } from './estimate-model-costs.ts';
import { parseEstimateRequest } from './parse-estimate-request.ts';

const registry = createProviderRegistry([]);
const pricer = createPricer({ registry });
const providers = registry.names();
const AT = new Date(Date.UTC(2026, 10, 1));

const estimate = (model: string, extra: Record<string, string> = {}) =>
  estimateModelCosts(
    parseEstimateRequest({
      model,
      inputTokens: '2000',
      outputTokens: '500',
      requestsPerDay: '10000',
      ...extra,
    }),
    pricer,
    providers,
    AT,
  );

describe('estimateModelCosts', () => {
  it('prices each candidate per request, day and month, cheapest first', () => {
    const rows = estimate('gpt-4o,gpt-4o-mini');
    // gpt-4o-mini: 2,000 × $0.15/M + 500 × $0.60/M = $0.0003 + $0.0003 = $0.0006 a request.
    // gpt-4o: 2,000 × $2.50/M + 500 × $10/M = $0.005 + $0.005 = $0.01 a request.
    assert.deepEqual(rows, [
      {
        model: 'gpt-4o-mini',
        provider: 'openai',
        cost_per_request: 0.0006,
        cost_per_day: 6,
        cost_per_month: 180,
        difference_per_month: 0,
      },
      {
        model: 'gpt-4o',
        provider: 'openai',
        cost_per_request: 0.01,
        cost_per_day: 100,
        cost_per_month: 3000,
        difference_per_month: 2820,
      },
    ]);
  });

  it('prices cached input at the cache-read rate and takes the days in a month', () => {
    // 1,500 uncached × $0.15/M + 500 cached × $0.075/M + 500 × $0.60/M = $0.0005625.
    const [row] = estimate('openai:gpt-4o-mini', { cachedInputTokens: '500', daysPerMonth: '31' });
    assert.equal(row?.cost_per_request, 0.0005625);
    assert.equal(row?.cost_per_day, 5.625);
    assert.equal(row?.cost_per_month, 174.375);
  });

  it('names every unknown model, and the fix', () => {
    assert.throws(
      () => estimate('gpt-4o-mini,no-such-model,openai:nope'),
      (error: unknown) =>
        error instanceof ValidationError &&
        error.issues.length === 2 &&
        /no-such-model has no price \(tried openai, anthropic/.test(error.message) &&
        /provider:model/.test(error.fix),
    );
  });

  it('calls a model ambiguous when providers price it differently, and takes --provider', () => {
    // A negotiated discount on one reseller makes the bare name mean two prices.
    const discounted = createPricer({
      registry,
      overrides: { ...defaultPriceOverrides(), rules: [{ provider: 'azure', discount: 0.5 }] },
    });
    const request = {
      model: 'gpt-4o-mini',
      inputTokens: '2000',
      outputTokens: '500',
      requestsPerDay: '1',
    };
    assert.throws(
      () => estimateModelCosts(parseEstimateRequest(request), discounted, providers, AT),
      /gpt-4o-mini is priced differently by openai \$0.0006, azure \$0.0003/,
    );
    const [row] = estimateModelCosts(
      parseEstimateRequest({ ...request, provider: 'azure' }),
      discounted,
      providers,
      AT,
    );
    assert.equal(row?.provider, 'azure');
    assert.equal(row?.cost_per_request, 0.0003);
  });

  it('refuses a provider it does not know', () => {
    assert.throws(() => estimate('gpt-4o-mini', { provider: 'acme' }), /unknown provider "acme"/);
  });

  it('refuses cached tokens beyond the input and counts that are not numbers', () => {
    assert.throws(() => estimate('gpt-4o-mini', { cachedInputTokens: '3000' }), /cannot exceed/);
    assert.throws(() => estimate('gpt-4o-mini', { requestsPerDay: 'many' }), /requests-per-day/);
    assert.throws(() => estimate(' , '), /names no model/);
  });
});
