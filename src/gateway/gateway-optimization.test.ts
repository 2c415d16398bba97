import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkRoutingProviders } from './gateway-optimization.ts';

describe('checkRoutingProviders', () => {
  const providers = new Map([
    ['openai', {}],
    ['groq', { apiKey: 'gsk' }],
  ]);

  it('accepts rules that name configured providers with their own keys', () => {
    const rules = [{ match: {}, provider: 'groq', fallbacks: [{ model: 'x' }] }];
    assert.equal(checkRoutingProviders(rules, providers), undefined);
  });

  it('names the key of an unknown provider and of one without apiKeyEnv', () => {
    const unknown = checkRoutingProviders(
      [{ match: {}, model: 'm', fallbacks: [{ provider: 'mistral' }] }],
      providers,
    );
    assert.match(unknown?.message ?? '', /routing\[0\]\.fallbacks\[0\]\.provider names mistral/);
    const keyless = checkRoutingProviders(
      [
        {
          name: 't',
          match: {},
          fallbacks: [],
          split: [
            { variant: 'a', percent: 50 },
            { variant: 'b', percent: 50, provider: 'openai' },
          ],
        },
      ],
      providers,
    );
    assert.match(keyless?.message ?? '', /routing\[0\]\.split\[1\]\.provider names openai/);
    assert.match(keyless?.fix ?? '', /providers\.openai\.apiKeyEnv/);
  });
});
