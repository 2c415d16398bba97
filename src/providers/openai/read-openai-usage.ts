import type { ReportedUsage } from '../../domain/token-classes.ts';
import { asJsonObject } from '../shared/as-json-object.ts';
import { readWholeNumber } from '../shared/read-whole-number.ts';

/**
 * Reads an OpenAI usage object as reported, whichever API wrote it: Chat Completions and
 * Embeddings say `prompt_tokens` / `completion_tokens` (`*_tokens_details`), Responses says
 * `input_tokens` / `output_tokens`; the meaning is the same (cached, cache-write and reasoning
 * counts are parts of the totals, which normalizeOpenAiUsage keeps as they are). Undefined
 * when there is no usage object (streams without include_usage, error bodies).
 */
export function readOpenAiUsage(usage: unknown): ReportedUsage | undefined {
  const counts = asJsonObject(usage);
  if (counts === undefined) return undefined;
  const inputDetails = asJsonObject(counts.prompt_tokens_details ?? counts.input_tokens_details);
  const outputDetails = asJsonObject(
    counts.completion_tokens_details ?? counts.output_tokens_details,
  );
  return {
    input: readWholeNumber(counts.prompt_tokens ?? counts.input_tokens) ?? 0,
    output: readWholeNumber(counts.completion_tokens ?? counts.output_tokens) ?? 0,
    cacheRead: readWholeNumber(inputDetails?.cached_tokens) ?? 0,
    cacheWrite: readWholeNumber(inputDetails?.cache_write_tokens) ?? 0,
    // OpenAI caches have no selectable time to live, so no write is a one-hour write.
    cacheWrite1h: 0,
    reasoning: readWholeNumber(outputDetails?.reasoning_tokens) ?? 0,
  };
}
