import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { asksCacheBypass, createCacheScopeFinder } from './cache-scope.ts';
import { exactCacheKey, type ExactCacheKeyParts } from './exact-cache-key.ts';

const parts: ExactCacheKeyParts = {
  provider: 'openai',
  path: '/v1/chat/completions',
  stream: false,
  tags: { team: 'search', feature: 'summarize' },
  scope: -1,
  body: { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }], temperature: 0 },
};

describe('exactCacheKey', () => {
  it('keeps the keys earlier versions wrote, so gateways upgraded one at a time share their hits', () => {
    // Written by the version that hashed the parts with three Hash.update calls.
    const body = {
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'hi ☃' }],
      temperature: 0,
    };
    assert.equal(
      exactCacheKey({ ...parts, body }),
      '805af5c6778a6727926927ba6bb5787e6028f079269aa13cea10c74eac42ab80',
    );
  });

  it('ignores key order and formatting', () => {
    const reordered = {
      ...parts,
      body: { temperature: 0, messages: [{ content: 'hi', role: 'user' }], model: 'gpt-4o-mini' },
    };
    assert.equal(exactCacheKey(reordered), exactCacheKey(parts));
  });

  it('changes with the body, the stream flag, the provider, the path, any of the six tags and the scope', () => {
    const key = exactCacheKey(parts);
    const variations: Partial<ExactCacheKeyParts>[] = [
      { body: { ...(parts.body as object), temperature: 1 } },
      { stream: true },
      { provider: 'groq' },
      { path: '/v1/responses' },
      { tags: { ...parts.tags, customer: 'acme' } },
      { tags: { ...parts.tags, user: 'u-1' } },
      { tags: { team: 'ads', feature: 'summarize' } },
      { scope: 0 },
    ];
    const keys = new Set(variations.map((change) => exactCacheKey({ ...parts, ...change })));
    assert.equal(keys.size, variations.length);
    assert.ok(!keys.has(key));
  });
});

describe('createCacheScopeFinder', () => {
  it('takes every call with no scopes, only the scoped ones with, and none when disabled', () => {
    assert.equal(createCacheScopeFinder({ enabled: true })({}, 'm'), -1);
    const scoped = createCacheScopeFinder({
      enabled: true,
      scopes: [{ team: 'a' }, { feature: 'f' }],
    });
    assert.equal(scoped({ feature: 'f' }, 'm'), 1);
    assert.equal(scoped({ team: 'b' }, 'm'), undefined);
    assert.equal(createCacheScopeFinder({ enabled: false })({}, 'm'), undefined);
  });

  it('reads no-cache and no-store as a bypass', () => {
    assert.equal(asksCacheBypass('no-cache'), true);
    assert.equal(asksCacheBypass('max-age=0, no-store'), true);
    assert.equal(asksCacheBypass('max-age=60'), false);
    assert.equal(asksCacheBypass(undefined), false);
  });
});
