import type { Attributes } from './otlp-span.ts';
import type { SpanUsage } from './build-token-counts.ts';
import { readFirstTokenCount, readTokenCount } from './read-token-count.ts';

/**
 * Usage under the names instrumentations written against semconv ≤ v1.26 still emit
 * (OpenLLMetry and many SDKs): `gen_ai.usage.prompt_tokens` / `completion_tokens`, cache counts
 * with underscores, reasoning under either of two spellings. Undefined when none is there.
 */
export function readLegacyGenAiUsage(attributes: Attributes): SpanUsage | undefined {
  const input = readTokenCount(attributes, 'gen_ai.usage.prompt_tokens');
  const output = readTokenCount(attributes, 'gen_ai.usage.completion_tokens');
  if (input === undefined && output === undefined) return undefined;
  return {
    input: input ?? 0,
    output: output ?? 0,
    cacheRead: readTokenCount(attributes, 'gen_ai.usage.cache_read_input_tokens') ?? 0,
    cacheWrite: readTokenCount(attributes, 'gen_ai.usage.cache_creation_input_tokens') ?? 0,
    reasoning:
      readFirstTokenCount(attributes, [
        'gen_ai.usage.reasoning_tokens',
        'llm.usage.reasoning_tokens',
      ]) ?? 0,
  };
}
