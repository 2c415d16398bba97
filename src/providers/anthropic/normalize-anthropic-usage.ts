import type { TokenCounts } from '../../domain/token-classes.ts';
import type { ReportedUsage } from '../provider-adapter.ts';

/**
 * Anthropic's `input_tokens` counts only the tokens neither read from nor written to the
 * cache, so total input = input + cache_read_input_tokens + cache_creation_input_tokens.
 * `output_tokens` already includes extended thinking (billed as output), so reasoning stays
 * a part of output.
 */
export function normalizeAnthropicUsage(reported: ReportedUsage): TokenCounts {
  return {
    input: reported.input + reported.cacheRead + reported.cacheWrite,
    output: reported.output,
    cacheRead: reported.cacheRead,
    cacheWrite: reported.cacheWrite,
    cacheWrite1h: reported.cacheWrite1h,
    reasoning: reported.reasoning,
  };
}
