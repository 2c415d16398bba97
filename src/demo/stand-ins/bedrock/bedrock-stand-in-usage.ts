import type { TokenCounts } from '../stand-in-responder.ts';

/** The counts a Bedrock stand-in reports, named after Bedrock's Converse usage fields. */
export type BedrockStandInUsage = {
  /** input outside the cache: for Anthropic models Bedrock excludes cache reads and writes */
  inputTokens: number;
  outputTokens: number;
  cacheReadInputTokens: number;
  cacheWriteInputTokens: number;
};

export const BEDROCK_USAGE_FIELDS: readonly (keyof BedrockStandInUsage)[] = [
  'inputTokens',
  'outputTokens',
  'cacheReadInputTokens',
  'cacheWriteInputTokens',
];

export const BEDROCK_DEFAULT_USAGE: BedrockStandInUsage = {
  inputTokens: 120,
  outputTokens: 30,
  cacheReadInputTokens: 0,
  cacheWriteInputTokens: 0,
};

/**
 * Converse's usage. totalTokens includes the cache counts, as observed in real responses
 * (AWS does not document it), so a reader that prices from totalTokens is caught out.
 */
export function bedrockConverseUsage(counts: TokenCounts): Record<string, number> {
  const input = counts.inputTokens ?? 0;
  const output = counts.outputTokens ?? 0;
  const cacheRead = counts.cacheReadInputTokens ?? 0;
  const cacheWrite = counts.cacheWriteInputTokens ?? 0;
  return {
    inputTokens: input,
    outputTokens: output,
    totalTokens: input + output + cacheRead + cacheWrite,
    cacheReadInputTokens: cacheRead,
    cacheWriteInputTokens: cacheWrite,
  };
}

/** The same counts under Anthropic's names, for InvokeModel's native Anthropic body. */
export function bedrockCountsAsAnthropic(counts: TokenCounts): TokenCounts {
  return {
    input_tokens: counts.inputTokens,
    output_tokens: counts.outputTokens,
    cache_read_input_tokens: counts.cacheReadInputTokens,
    cache_creation_5m: counts.cacheWriteInputTokens,
    cache_creation_1h: 0,
  };
}
