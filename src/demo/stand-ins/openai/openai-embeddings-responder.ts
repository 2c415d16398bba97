import { sendJson } from '../send-json.ts';
import { servedModel } from '../served-model.ts';
import type { StandInCall } from '../stand-in-call.ts';

const DEFAULT_DIMENSIONS = 8;
const MAX_DIMENSIONS = 4096;

/**
 * POST /v1/embeddings: one small vector per input. Honours `encoding_format: base64`, which the
 * official SDK requests by default and decodes as little-endian float32.
 */
export function respondOpenAiEmbeddings(call: StandInCall): void {
  const { body } = call;
  const inputs = Array.isArray(body.input) ? body.input.length : 1;
  const requested = typeof body.dimensions === 'number' ? Math.floor(body.dimensions) : 0;
  const dimensions = requested > 0 ? Math.min(requested, MAX_DIMENSIONS) : DEFAULT_DIMENSIONS;
  const vector = Array.from({ length: dimensions }, (_, index) => (index + 1) / dimensions);
  const embedding =
    body.encoding_format === 'base64'
      ? Buffer.from(new Float32Array(vector).buffer).toString('base64')
      : vector;
  const prompt = call.control.usage.prompt_tokens ?? 0;
  sendJson(
    call.response,
    200,
    {
      object: 'list',
      data: Array.from({ length: inputs }, (_, index) => ({
        object: 'embedding',
        index,
        embedding,
      })),
      model: servedModel(call, 'text-embedding-3-small'),
      usage: { prompt_tokens: prompt, total_tokens: prompt },
    },
    {},
    call.control.scenario === 'broken-stream',
  );
}
