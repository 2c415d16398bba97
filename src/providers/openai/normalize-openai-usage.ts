import type { TokenCounts } from '../../domain/token-classes.ts';
import type { ReportedUsage } from '../provider-adapter.ts';

/**
 * OpenAI already counts the normalised way: `prompt_tokens` (Responses: `input_tokens`)
 * includes `cached_tokens` and, when reported, `cache_write_tokens`; `completion_tokens`
 * includes `reasoning_tokens`. So every count passes through unchanged.
 */
export function normalizeOpenAiUsage(reported: ReportedUsage): TokenCounts {
  return {
    input: reported.input,
    output: reported.output,
    cacheRead: reported.cacheRead,
    cacheWrite: reported.cacheWrite,
    cacheWrite1h: reported.cacheWrite1h,
    reasoning: reported.reasoning,
  };
}
