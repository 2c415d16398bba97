import type { ReportedUsage } from '../../domain/token-classes.ts';
import { asJsonObject } from '../shared/as-json-object.ts';
import { readWholeNumber } from '../shared/read-whole-number.ts';

/**
 * Reads an Anthropic usage object as reported: `input_tokens` excludes cache reads and
 * writes (normalizeAnthropicUsage adds them back), `cache_creation` splits writes by time to
 * live, and `output_tokens_details.thinking_tokens` (newer, often absent) is the thinking
 * part of `output_tokens`. Undefined when there is no usage object.
 */
export function readAnthropicUsage(usage: unknown): ReportedUsage | undefined {
  const counts = asJsonObject(usage);
  if (counts === undefined) return undefined;
  const cacheCreation = asJsonObject(counts.cache_creation);
  const oneHourWrites = readWholeNumber(cacheCreation?.ephemeral_1h_input_tokens) ?? 0;
  const fiveMinuteWrites = readWholeNumber(cacheCreation?.ephemeral_5m_input_tokens) ?? 0;
  return {
    input: readWholeNumber(counts.input_tokens) ?? 0,
    output: readWholeNumber(counts.output_tokens) ?? 0,
    cacheRead: readWholeNumber(counts.cache_read_input_tokens) ?? 0,
    // The total is authoritative; the split alone is used only if a body leaves it out.
    cacheWrite:
      readWholeNumber(counts.cache_creation_input_tokens) ?? oneHourWrites + fiveMinuteWrites,
    cacheWrite1h: oneHourWrites,
    reasoning: readWholeNumber(asJsonObject(counts.output_tokens_details)?.thinking_tokens) ?? 0,
  };
}
