import type { Attributes } from './otlp-span.ts';
import type { SpanUsage } from './build-token-counts.ts';
import { readTokenCount } from './read-token-count.ts';

/**
 * Usage under the GenAI semantic conventions as of v1.41 (`gen_ai.usage.input_tokens`…,
 * cache attributes from v1.40, reasoning from v1.41); undefined when the span reports none.
 */
export function readCurrentGenAiUsage(attributes: Attributes): SpanUsage | undefined {
  const input = readTokenCount(attributes, 'gen_ai.usage.input_tokens');
  const output = readTokenCount(attributes, 'gen_ai.usage.output_tokens');
  if (input === undefined && output === undefined) return undefined;
  return {
    input: input ?? 0,
    output: output ?? 0,
    cacheRead: readTokenCount(attributes, 'gen_ai.usage.cache_read.input_tokens') ?? 0,
    cacheWrite: readTokenCount(attributes, 'gen_ai.usage.cache_creation.input_tokens') ?? 0,
    reasoning: readTokenCount(attributes, 'gen_ai.usage.reasoning.output_tokens') ?? 0,
  };
}
