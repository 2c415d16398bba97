import type { TokenCounts } from '../stand-in-responder.ts';

/** The counts an Anthropic stand-in reports, named after Anthropic's usage fields. */
export type AnthropicStandInUsage = {
  /** input neither read from nor written to the cache */
  input_tokens: number;
  /** all output, thinking included */
  output_tokens: number;
  cache_read_input_tokens: number;
  /** cache writes with the 5-minute TTL (billed 1.25× input) */
  cache_creation_5m: number;
  /** cache writes with the 1-hour TTL (billed 2× input) */
  cache_creation_1h: number;
  /** a part of output_tokens, as output_tokens_details.thinking_tokens; sent only when set */
  thinking_tokens?: number;
};

export const ANTHROPIC_USAGE_FIELDS: readonly (keyof AnthropicStandInUsage)[] = [
  'input_tokens',
  'output_tokens',
  'cache_read_input_tokens',
  'cache_creation_5m',
  'cache_creation_1h',
  'thinking_tokens',
];

export const ANTHROPIC_DEFAULT_USAGE: AnthropicStandInUsage = {
  input_tokens: 120,
  output_tokens: 30,
  cache_read_input_tokens: 0,
  cache_creation_5m: 0,
  cache_creation_1h: 0,
};

/**
 * The Messages API usage object; `cache_creation_input_tokens` is the sum of both TTLs. Without
 * a service tier (Bedrock's native Anthropic body) the field is left out.
 */
export function anthropicUsage(
  counts: TokenCounts,
  serviceTier: string | undefined,
): Record<string, unknown> {
  const fiveMinutes = counts.cache_creation_5m ?? 0;
  const oneHour = counts.cache_creation_1h ?? 0;
  const thinking = counts.thinking_tokens;
  return {
    input_tokens: counts.input_tokens ?? 0,
    cache_creation_input_tokens: fiveMinutes + oneHour,
    cache_read_input_tokens: counts.cache_read_input_tokens ?? 0,
    cache_creation: { ephemeral_5m_input_tokens: fiveMinutes, ephemeral_1h_input_tokens: oneHour },
    output_tokens: counts.output_tokens ?? 0,
    ...(thinking === undefined ? {} : { output_tokens_details: { thinking_tokens: thinking } }),
    ...(serviceTier === undefined ? {} : { service_tier: serviceTier }),
  };
}
