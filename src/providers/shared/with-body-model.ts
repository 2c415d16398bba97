import type { JsonBody } from '../wire-protocol.ts';

/** For APIs that name the model in the body's `model` field (OpenAI, Anthropic). */
export function withBodyModel(body: JsonBody, model: string): JsonBody {
  return { ...body, model };
}
