import { asJsonObject } from '../shared/as-json-object.ts';
import { readHeader } from '../shared/read-header.ts';
import { readPartsText } from '../shared/read-parts-text.ts';
import { readWholeNumber } from '../shared/read-whole-number.ts';
import { reportedUsageFromCounts } from '../shared/reported-usage-from-counts.ts';
import { withoutUndefined } from '../shared/without-undefined.ts';
import type { HeaderMap, UsageReading } from '../wire-protocol.ts';
import { bedrockServiceTier } from './bedrock-service-tier.ts';
import { preferBedrockCounts } from './prefer-bedrock-counts.ts';
import { readBedrockAnthropicCounts } from './read-bedrock-anthropic-counts.ts';
import { readBedrockErrorBody } from './read-bedrock-error-body.ts';

/**
 * Reads a whole InvokeModel response. Bedrock puts its counts in headers for every model whose
 * tokens it meters (the cache header names are seen in client libraries, not in AWS's docs);
 * a Claude body's `usage` stands in when they are absent. The model is the path's, as the bill
 * names it, so the reading has none even when the body names the vendor's model.
 */
export function readBedrockInvokeResponse(body: unknown, headers: HeaderMap): UsageReading {
  const count = (name: string): number | undefined => {
    const text = readHeader(headers, `x-amzn-bedrock-${name}-token-count`);
    return text !== undefined && /^\d+$/.test(text) ? readWholeNumber(Number(text)) : undefined;
  };
  const fromHeaders = reportedUsageFromCounts({
    input: count('input'),
    output: count('output'),
    cacheRead: count('cache-read-input'),
    cacheWrite: count('cache-write-input'),
  });
  const response = asJsonObject(body);
  return withoutUndefined({
    reported: preferBedrockCounts(fromHeaders, readBedrockAnthropicCounts(response?.usage)),
    serviceTier: bedrockServiceTier(readHeader(headers, 'x-amzn-bedrock-service-tier')),
    errorKind: readBedrockErrorBody(body, headers),
    outputCharacters: readPartsText(response?.content)?.length ?? 0,
  });
}
