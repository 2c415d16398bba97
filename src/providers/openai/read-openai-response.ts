import { asJsonObject } from '../shared/as-json-object.ts';
import { readNonEmptyString } from '../shared/read-non-empty-string.ts';
import { withoutUndefined } from '../shared/without-undefined.ts';
import type { UsageReading } from '../wire-protocol.ts';
import { readOpenAiErrorKind } from './read-openai-error-kind.ts';
import { readOpenAiServiceTier } from './read-openai-service-tier.ts';
import { readOpenAiUsage } from './read-openai-usage.ts';

/**
 * Reads a whole Chat Completions, Responses or Embeddings body (also the `response` object
 * inside a Responses stream event): all carry `model`, `usage`, `service_tier` and `error`.
 * Some compatible servers send the error object as the whole body (`object: "error"`).
 */
export function readOpenAiResponse(body: unknown): UsageReading {
  const response = asJsonObject(body);
  const error = response?.object === 'error' ? response : response?.error;
  return withoutUndefined({
    model: readNonEmptyString(response?.model),
    reported: readOpenAiUsage(response?.usage),
    serviceTier: readOpenAiServiceTier(response?.service_tier),
    errorKind: readOpenAiErrorKind(error),
    outputCharacters: 0,
  });
}
