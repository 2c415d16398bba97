import type { TokenCounts } from '../domain/token-classes.ts';
import type { ModelProfile } from './model-profiles.ts';
import type { SeededRandom } from './seeded-random.ts';

/** Prompt processing cost per input token, in milliseconds, before the first token. */
const PREFILL_MS_PER_TOKEN = 0.02;
const EMBEDDING_MS_PER_TOKEN = 0.03;

/** Time to first token of a generating call, with the jitter real traffic has. */
export function timeToFirstToken(
  model: ModelProfile,
  tokens: TokenCounts,
  random: SeededRandom,
): number {
  return Math.round(
    model.timeToFirstTokenMs * random.logNormal(1, 0.3) + tokens.input * PREFILL_MS_PER_TOKEN,
  );
}

/** Whole-call latency: first token, then the output streamed at the model's speed. */
export function callLatency(
  model: ModelProfile,
  tokens: TokenCounts,
  firstTokenMs: number,
  random: SeededRandom,
): number {
  if (model.operation === 'embeddings') {
    return Math.round(25 * random.logNormal(1, 0.3) + tokens.input * EMBEDDING_MS_PER_TOKEN);
  }
  const streamingMs = (tokens.output / model.outputTokensPerSecond) * 1000;
  return firstTokenMs + Math.round(streamingMs * random.logNormal(1, 0.2));
}

/** How long a failed attempt took before the error came back. */
export function errorLatency(errorKind: string, random: SeededRandom): number {
  if (errorKind === 'timeout') return 60_000;
  if (errorKind === 'rate_limit') return 40 + random.below(210);
  return Math.round(random.logNormal(1500, 1));
}

/** Exponential backoff with jitter, as the official SDKs retry. */
export function retryBackoff(errorKind: string, attempt: number, random: SeededRandom): number {
  const base = errorKind === 'rate_limit' ? 1000 : 500;
  return Math.round(base * 2 ** (attempt - 1) * (0.5 + random.next()));
}
