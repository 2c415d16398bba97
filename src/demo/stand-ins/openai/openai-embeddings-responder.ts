import { sendJson } from '../send-json.ts';
import { servedModel } from '../served-model.ts';
import type { StandInCall } from '../stand-in-call.ts';

const DEFAULT_DIMENSIONS = 8;
const MAX_DIMENSIONS = 4096;

/**
 * POST /v1/embeddings: one vector per input. Honours `dimensions`, and `encoding_format:
 * base64`, which the official SDK requests by default and decodes as little-endian float32.
 */
export function respondOpenAiEmbeddings(call: StandInCall): void {
  const { body } = call;
  const inputs: unknown[] = Array.isArray(body.input) ? body.input : [body.input];
  const requested = typeof body.dimensions === 'number' ? Math.floor(body.dimensions) : 0;
  const dimensions = requested > 0 ? Math.min(requested, MAX_DIMENSIONS) : DEFAULT_DIMENSIONS;
  const prompt = call.control.usage.prompt_tokens ?? 0;
  sendJson(
    call.response,
    200,
    {
      object: 'list',
      data: inputs.map((input, index) => {
        const vector = bagOfWordsVector(typeof input === 'string' ? input : '', dimensions);
        const embedding =
          body.encoding_format === 'base64'
            ? Buffer.from(new Float32Array(vector).buffer).toString('base64')
            : vector;
        return { object: 'embedding', index, embedding };
      }),
      model: servedModel(call, 'text-embedding-3-small'),
      usage: { prompt_tokens: prompt, total_tokens: prompt },
    },
    {},
    call.control.scenario === 'broken-stream',
  );
}

/**
 * A deterministic stand-in for meaning: each lower-cased word (letters and digits) adds 1 to
 * the dimension its FNV-1a hash picks, and the counts are scaled to length 1. Two texts'
 * cosine is then their shared-word overlap — exact figures for tests (when no two of their
 * words share a dimension): the same words are 1, one added word is just below, other words ~0.
 */
function bagOfWordsVector(text: string, dimensions: number): number[] {
  const counts = Array.from({ length: dimensions }, () => 0);
  for (const word of text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) {
    counts[fnv1a(word) % dimensions]! += 1;
  }
  const length = Math.sqrt(counts.reduce((sum, count) => sum + count * count, 0));
  return length === 0 ? counts : counts.map((count) => count / length);
}

function fnv1a(word: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < word.length; index += 1) {
    hash ^= word.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}
