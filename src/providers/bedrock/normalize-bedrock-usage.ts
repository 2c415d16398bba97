import type { TokenCounts } from '../../domain/token-classes.ts';
import type { ReportedUsage } from '../provider-adapter.ts';

/**
 * Bedrock Converse reports `inputTokens` without `cacheReadInputTokens` and
 * `cacheWriteInputTokens` (observed for Anthropic models; AWS does not document it, and the
 * Converse shape is the same for every model), so total input adds both back.
 * `outputTokens` includes any reasoning. `totalTokens` is never used: whether it includes the
 * cache counts is unconfirmed.
 */
export function normalizeBedrockUsage(reported: ReportedUsage): TokenCounts {
  return {
    input: reported.input + reported.cacheRead + reported.cacheWrite,
    output: reported.output,
    cacheRead: reported.cacheRead,
    cacheWrite: reported.cacheWrite,
    cacheWrite1h: reported.cacheWrite1h,
    reasoning: reported.reasoning,
  };
}
