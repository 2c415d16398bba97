import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { createOpenAiEmbeddingsEndpoint } from './openai-embeddings-endpoint.ts';

const endpoint = createOpenAiEmbeddingsEndpoint('/v1/embeddings');

test('asks for a list of inputs, with dimensions only when given', () => {
  assert.deepEqual(endpoint.requestBody('text-embedding-3-small', ['a']), {
    model: 'text-embedding-3-small',
    input: ['a'],
  });
  assert.deepEqual(endpoint.requestBody('text-embedding-3-small', ['a', 'b'], 256), {
    model: 'text-embedding-3-small',
    input: ['a', 'b'],
    dimensions: 256,
  });
});

test('openai-embeddings.json: one vector per input, in index order', () => {
  const body: unknown = JSON.parse(
    readFileSync(new URL('./__fixtures__/openai-embeddings.json', import.meta.url), 'utf8'),
  );
  const vectors = endpoint.readVectors(body);
  assert.equal(vectors?.length, 2);
  assert.deepEqual(vectors?.[1], [-0.011482109, 0.0041237436, 0.0201954, 0.0063829846]);
  const shuffled = {
    data: [
      { index: 1, embedding: [2] },
      { index: 0, embedding: [1] },
    ],
  };
  assert.deepEqual(endpoint.readVectors(shuffled), [[1], [2]]);
});

test('anything else is no vectors', () => {
  for (const junk of [
    null,
    { data: 'x' },
    { data: [{ index: 0, embedding: 'base64' }] },
    {
      data: [
        { index: 0, embedding: [1] },
        { index: 0, embedding: [2] },
      ],
    },
    { data: [{ index: 5, embedding: [1] }] },
  ]) {
    assert.equal(endpoint.readVectors(junk), undefined);
  }
});
