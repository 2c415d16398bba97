import { asJsonObject } from '../shared/as-json-object.ts';
import type { EmbeddingsEndpoint } from '../wire-protocol.ts';

/**
 * Embeddings as the gateway asks for them itself (the semantic cache): `input` as a list of
 * strings and float vectors (the default `encoding_format`, which every compatible server
 * speaks). `dimensions` is sent only when configured: older models and many servers refuse it.
 */
export function createOpenAiEmbeddingsEndpoint(path: string): EmbeddingsEndpoint {
  return {
    path,
    requestBody: (model, texts, dimensions) => ({
      model,
      input: [...texts],
      ...(dimensions === undefined ? {} : { dimensions }),
    }),
    readVectors: readOpenAiEmbeddingVectors,
  };
}

/** `data[].embedding` put back in `index` order; undefined unless every entry is a vector. */
function readOpenAiEmbeddingVectors(body: unknown): number[][] | undefined {
  const data = asJsonObject(body)?.data;
  if (!Array.isArray(data)) return undefined;
  const vectors: (number[] | undefined)[] = Array.from({ length: data.length }, () => undefined);
  for (const [position, item] of data.entries()) {
    const entry = asJsonObject(item);
    const embedding = entry?.embedding;
    const index = entry?.index === undefined ? position : entry.index;
    if (!Array.isArray(embedding) || !embedding.every((value) => typeof value === 'number')) {
      return undefined;
    }
    const whole = typeof index === 'number' && Number.isInteger(index) && index >= 0;
    if (!whole || index >= data.length || vectors[index] !== undefined) return undefined;
    vectors[index] = embedding;
  }
  return vectors.every((vector) => vector !== undefined) ? vectors : undefined;
}
