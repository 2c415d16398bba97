import type { ReportedUsage } from '../../domain/token-classes.ts';
import { asJsonObject } from '../shared/as-json-object.ts';
import { readWholeNumber } from '../shared/read-whole-number.ts';

/**
 * Gemini's `usageMetadata` as reported, undefined when it holds no count at all. Counts stay in
 * Gemini's own subsets (normalizeGeminiUsage converts them): `promptTokenCount` already holds
 * the cached tokens, and `candidatesTokenCount` leaves out `thoughtsTokenCount`. Tool-use
 * prompt tokens (grounding and tool results fed back) are billed as input but counted apart,
 * so they join `input` here. `totalTokenCount` is never read: it is only the sum.
 */
export function readGeminiUsageMetadata(value: unknown): ReportedUsage | undefined {
  const usage = asJsonObject(value);
  if (!usage) return undefined;
  const prompt = readWholeNumber(usage.promptTokenCount);
  const toolUsePrompt = readWholeNumber(usage.toolUsePromptTokenCount);
  const cached = readWholeNumber(usage.cachedContentTokenCount);
  const candidates = readWholeNumber(usage.candidatesTokenCount);
  const thoughts = readWholeNumber(usage.thoughtsTokenCount);
  const counts = [prompt, toolUsePrompt, cached, candidates, thoughts];
  if (counts.every((count) => count === undefined)) return undefined;
  return {
    input: (prompt ?? 0) + (toolUsePrompt ?? 0),
    output: candidates ?? 0,
    cacheRead: cached ?? 0,
    cacheWrite: 0,
    cacheWrite1h: 0,
    reasoning: thoughts ?? 0,
  };
}
