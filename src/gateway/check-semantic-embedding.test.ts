import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CachedResponse, SemanticIndex } from '../optimize/index.ts';
import { createProviderRegistry } from '../providers/index.ts';
import { checkSemanticEmbedding } from './check-semantic-embedding.ts';
import type { GatewayUpstream } from './gateway-upstream.ts';

const registry = createProviderRegistry([]);
const upstream = (name: string, baseUrl: string): GatewayUpstream => {
  const adapter = registry.get(name);
  return { name, adapter, gateway: adapter.gateway, baseUrl, origin: baseUrl, basePath: '' };
};
const upstreams = new Map([
  ['openai', upstream('openai', 'https://api.openai.com')],
  ['anthropic', upstream('anthropic', 'https://api.anthropic.com')],
  ['azure', upstream('azure', '')],
]);
const semantic = (provider: string) => ({
  enabled: true,
  threshold: 0.95,
  ttlSeconds: 60,
  maxEntryBytes: 1024,
  embedding: { provider, model: 'text-embedding-3-small', timeoutMs: 2000 },
  index: {} as SemanticIndex<CachedResponse>,
});

describe('checkSemanticEmbedding', () => {
  it('accepts a provider that serves embeddings, and anything when the cache is off', () => {
    assert.equal(checkSemanticEmbedding(semantic('openai'), upstreams), undefined);
    assert.equal(checkSemanticEmbedding(undefined, upstreams), undefined);
    assert.equal(
      checkSemanticEmbedding({ ...semantic('nowhere'), enabled: false }, upstreams),
      undefined,
    );
  });

  it('names the key and the fix for an unknown, an unfit or an unreachable provider', () => {
    assert.match(
      checkSemanticEmbedding(semantic('nowhere'), upstreams)?.message ?? '',
      /cache\.semantic\.embedding\.provider names nowhere, which the gateway does not know/,
    );
    assert.match(
      checkSemanticEmbedding(semantic('anthropic'), upstreams)?.message ?? '',
      /serves no embeddings/,
    );
    assert.match(
      checkSemanticEmbedding(semantic('azure'), upstreams)?.fix ?? '',
      /providers\.azure\.baseUrl/,
    );
  });
});
