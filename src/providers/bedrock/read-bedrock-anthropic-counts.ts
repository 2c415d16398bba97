import type { ReportedUsage } from '../../domain/token-classes.ts';
import { asJsonObject } from '../shared/as-json-object.ts';
import { readWholeNumber } from '../shared/read-whole-number.ts';

/** Counts a usage object holds; a field it does not report is absent, not zero. */
export type PresentCounts = Partial<Record<keyof ReportedUsage, number>>;

/**
 * The counts in a `usage` object of Anthropic's shape, which Claude's native InvokeModel bodies
 * and stream events carry. Its `input_tokens` leaves out cache reads and writes, as Bedrock's
 * own counts do, so the Bedrock normalisation applies unchanged. `cache_creation` splits the
 * writes by time to live when the model reports it. Only present counts are returned, so
 * stream events that each report part of the usage can be merged.
 */
export function readBedrockAnthropicCounts(value: unknown): PresentCounts {
  const usage = asJsonObject(value);
  if (!usage) return {};
  const fields: [keyof ReportedUsage, unknown][] = [
    ['input', usage.input_tokens],
    ['output', usage.output_tokens],
    ['cacheRead', usage.cache_read_input_tokens],
    ['cacheWrite', usage.cache_creation_input_tokens],
    ['cacheWrite1h', asJsonObject(usage.cache_creation)?.ephemeral_1h_input_tokens],
  ];
  const counts: PresentCounts = {};
  for (const [field, raw] of fields) {
    const count = readWholeNumber(raw);
    if (count !== undefined) counts[field] = count;
  }
  return counts;
}
