import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createSemanticScopeFinder } from './semantic-cache-scope.ts';
import { semanticPartitionKey, type SemanticPartitionParts } from './semantic-partition-key.ts';

const parts: SemanticPartitionParts = {
  provider: 'openai',
  path: '/v1/chat/completions',
  stream: false,
  tags: { team: 'search', feature: 'summarize' },
  scope: -1,
  rest: { model: 'gpt-4o-mini', messages: [{ role: 'user' }], temperature: 0 },
};

describe('semanticPartitionKey', () => {
  it('ignores key order in the rest of the body', () => {
    const reordered = {
      ...parts,
      rest: { temperature: 0, messages: [{ role: 'user' }], model: 'gpt-4o-mini' },
    };
    assert.equal(semanticPartitionKey(reordered), semanticPartitionKey(parts));
  });

  it('changes with the parameters, the stream flag, the provider, the path, the six tags and the scope', () => {
    const key = semanticPartitionKey(parts);
    const variations: Partial<SemanticPartitionParts>[] = [
      { rest: { ...(parts.rest as object), temperature: 1 } },
      { rest: { ...(parts.rest as object), model: 'gpt-4o' } },
      { stream: true },
      { provider: 'groq' },
      { path: '/v1/responses' },
      { tags: { ...parts.tags, customer: 'acme' } },
      { tags: { team: 'ads', feature: 'summarize' } },
      { scope: 0 },
    ];
    const keys = new Set(variations.map((change) => semanticPartitionKey({ ...parts, ...change })));
    assert.equal(keys.size, variations.length);
    assert.ok(!keys.has(key));
  });
});

describe('createSemanticScopeFinder', () => {
  it('gives the first matching scope with its own threshold, or the default one', () => {
    const find = createSemanticScopeFinder({
      threshold: 0.95,
      scopes: [{ match: { team: 'a' }, threshold: 0.99 }, { match: { feature: 'f' } }],
    });
    assert.deepEqual(find({ team: 'a', feature: 'f' }, 'm'), { index: 0, threshold: 0.99 });
    assert.deepEqual(find({ feature: 'f' }, 'm'), { index: 1, threshold: 0.95 });
    assert.equal(find({ team: 'b' }, 'm'), undefined);
    assert.deepEqual(createSemanticScopeFinder({ threshold: 0.9 })({}, 'm'), {
      index: -1,
      threshold: 0.9,
    });
  });
});
