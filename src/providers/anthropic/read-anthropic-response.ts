import { asJsonObject } from '../shared/as-json-object.ts';
import { readNonEmptyString } from '../shared/read-non-empty-string.ts';
import { withoutUndefined } from '../shared/without-undefined.ts';
import type { UsageReading } from '../wire-protocol.ts';
import { readAnthropicErrorKind } from './read-anthropic-error-kind.ts';
import { readAnthropicServiceTier } from './read-anthropic-service-tier.ts';
import { readAnthropicUsage } from './read-anthropic-usage.ts';

/** Reads a whole Messages response, or an error body (`{type: 'error', error: {type}}`). */
export function readAnthropicResponse(body: unknown): UsageReading {
  const response = asJsonObject(body);
  const usage = asJsonObject(response?.usage);
  return withoutUndefined({
    model: readNonEmptyString(response?.model),
    reported: readAnthropicUsage(usage),
    serviceTier: readAnthropicServiceTier(usage?.service_tier),
    errorKind: response?.type === 'error' ? readAnthropicErrorKind(response.error) : undefined,
    outputCharacters: 0,
  });
}
