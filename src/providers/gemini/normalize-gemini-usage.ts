import type { TokenCounts } from '../../domain/token-classes.ts';
import type { ReportedUsage } from '../provider-adapter.ts';

/**
 * Gemini's `promptTokenCount` already includes `cachedContentTokenCount` (the usage reader
 * adds `toolUsePromptTokenCount`, input-priced, to `input`). But `candidatesTokenCount`
 * EXCLUDES `thoughtsTokenCount`, and thoughts are billed at the output rate, so normalised
 * output = candidates + thoughts, with the thoughts as its reasoning part.
 */
export function normalizeGeminiUsage(reported: ReportedUsage): TokenCounts {
  return {
    input: reported.input,
    output: reported.output + reported.reasoning,
    cacheRead: reported.cacheRead,
    cacheWrite: reported.cacheWrite,
    cacheWrite1h: reported.cacheWrite1h,
    reasoning: reported.reasoning,
  };
}
