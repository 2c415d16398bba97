import type { TokenCounts } from '../domain/token-classes.ts';
import type { ModelProfile } from './model-profiles.ts';
import type { SeededRandom } from './seeded-random.ts';

/** OpenAI and Gemini reuse a prompt prefix by themselves once it reaches 1,024 tokens… */
const AUTOMATIC_CACHE_MINIMUM = 1024;
/** …and count the reused part in 128-token steps. */
const AUTOMATIC_CACHE_STEP = 128;

/** Cache reads a provider with automatic caching reports for a prefix it has seen. */
export function automaticCacheRead(reusedPrefixTokens: number): number {
  if (reusedPrefixTokens < AUTOMATIC_CACHE_MINIMUM) return 0;
  return reusedPrefixTokens - (reusedPrefixTokens % AUTOMATIC_CACHE_STEP);
}

/** Hidden reasoning (OpenAI reasoning tokens, Gemini thoughts) for a visible answer. */
export function reasoningTokens(
  model: ModelProfile,
  visibleOutput: number,
  random: SeededRandom,
): number {
  if (model.reasoningShare === 0 || visibleOutput === 0) return 0;
  if (!random.chance(model.reasoningShare)) return 0;
  return Math.round(visibleOutput * model.reasoningPerOutputToken * random.logNormal(1, 0.5));
}

/** Normalised counts (input includes cache reads and writes, output includes reasoning). */
export function tokenCounts(
  input: number,
  visibleOutput: number,
  reasoning: number,
  cacheRead: number,
  cacheWrite: number,
  cacheWrite1h: number,
): TokenCounts {
  return {
    input,
    output: visibleOutput + reasoning,
    cacheRead,
    cacheWrite,
    cacheWrite1h,
    reasoning,
  };
}
