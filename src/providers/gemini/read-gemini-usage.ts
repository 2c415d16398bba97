import type { UsageReading } from '../wire-protocol.ts';
import { createGeminiResponseTally } from './create-gemini-response-tally.ts';

/**
 * Reads a whole Gemini response body: one GenerateContentResponse from generateContent, or
 * the JSON array streamGenerateContent returns without `?alt=sse` when it was read whole.
 * The model is `modelVersion`, the one that served the call, which may name a dated version
 * where the path named an alias such as `gemini-flash-latest`.
 */
export function readGeminiUsage(body: unknown): UsageReading {
  const tally = createGeminiResponseTally();
  for (const response of Array.isArray(body) ? body : [body]) tally.add(response);
  return tally.reading();
}
