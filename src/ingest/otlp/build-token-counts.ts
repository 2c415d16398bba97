import type { TokenCounts } from '../../domain/token-classes.ts';

/** Usage as a convention's attributes state it, before tokenops' normalisation. */
export interface SpanUsage {
  input: number;
  output: number;
  cacheRead: number;
  cacheWrite: number;
  reasoning: number;
}

/**
 * Normalised counts (PRODUCT.md §9). The convention says input includes cache reads and
 * writes, but instrumentations that copy Anthropic's or Bedrock's own `input_tokens` send it
 * without them; when the cached parts exceed the input, the input cannot have included them,
 * so they are added (otel-genai.md §3, "Inclusive or exclusive cache counts?").
 */
export function buildTokenCounts(usage: SpanUsage): TokenCounts {
  const cached = usage.cacheRead + usage.cacheWrite;
  return {
    input: cached > usage.input ? usage.input + cached : usage.input,
    output: usage.output,
    cacheRead: usage.cacheRead,
    cacheWrite: usage.cacheWrite,
    // OTLP has no attribute for the one-hour cache write; those are priced as ordinary writes.
    cacheWrite1h: 0,
    reasoning: usage.reasoning,
  };
}
