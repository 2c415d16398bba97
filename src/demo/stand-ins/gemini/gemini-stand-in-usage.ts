import type { TokenCounts } from '../stand-in-responder.ts';

/** The counts a Gemini stand-in reports, named after Gemini's usageMetadata fields. */
export type GeminiStandInUsage = {
  /** the whole prompt, cached content included */
  promptTokenCount: number;
  /** answer tokens, thoughts excluded */
  candidatesTokenCount: number;
  /** prompt tokens served from cache, a part of promptTokenCount */
  cachedContentTokenCount: number;
  /** thinking tokens, separate from candidates and billed as output */
  thoughtsTokenCount: number;
};

export const GEMINI_USAGE_FIELDS: readonly (keyof GeminiStandInUsage)[] = [
  'promptTokenCount',
  'candidatesTokenCount',
  'cachedContentTokenCount',
  'thoughtsTokenCount',
];

export const GEMINI_DEFAULT_USAGE: GeminiStandInUsage = {
  promptTokenCount: 120,
  candidatesTokenCount: 30,
  cachedContentTokenCount: 0,
  thoughtsTokenCount: 0,
};

/**
 * usageMetadata with `candidates` answer tokens so far (streams report running totals). Zero
 * cache and thought counts are left out, as Gemini's proto3 JSON leaves out every zero.
 */
export function geminiUsageMetadata(
  counts: TokenCounts,
  candidates: number,
): Record<string, number> {
  const prompt = counts.promptTokenCount ?? 0;
  const cached = counts.cachedContentTokenCount ?? 0;
  const thoughts = counts.thoughtsTokenCount ?? 0;
  return {
    promptTokenCount: prompt,
    candidatesTokenCount: candidates,
    ...(cached > 0 ? { cachedContentTokenCount: cached } : {}),
    ...(thoughts > 0 ? { thoughtsTokenCount: thoughts } : {}),
    totalTokenCount: prompt + candidates + thoughts,
  };
}
