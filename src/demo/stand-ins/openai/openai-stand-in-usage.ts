import type { TokenCounts } from '../stand-in-responder.ts';

/** The counts an OpenAI stand-in reports, named after OpenAI's usage fields. */
export type OpenAiStandInUsage = {
  /** all input, cached included (Responses: input_tokens) */
  prompt_tokens: number;
  /** all output, reasoning included (Responses: output_tokens) */
  completion_tokens: number;
  /** cache hits, a part of prompt_tokens */
  cached_tokens: number;
  /** tokens written to cache, a part of prompt_tokens; a newer field, sent only when set */
  cache_write_tokens?: number;
  /** hidden reasoning, a part of completion_tokens */
  reasoning_tokens: number;
};

export const OPENAI_USAGE_FIELDS: readonly (keyof OpenAiStandInUsage)[] = [
  'prompt_tokens',
  'completion_tokens',
  'cached_tokens',
  'cache_write_tokens',
  'reasoning_tokens',
];

export const OPENAI_DEFAULT_USAGE: OpenAiStandInUsage = {
  prompt_tokens: 120,
  completion_tokens: 30,
  cached_tokens: 0,
  reasoning_tokens: 0,
};

/** Chat Completions' usage object. */
export function openAiChatUsage(counts: TokenCounts): Record<string, unknown> {
  const prompt = counts.prompt_tokens ?? 0;
  const completion = counts.completion_tokens ?? 0;
  return {
    prompt_tokens: prompt,
    completion_tokens: completion,
    total_tokens: prompt + completion,
    prompt_tokens_details: { ...cacheDetails(counts), audio_tokens: 0 },
    completion_tokens_details: {
      reasoning_tokens: counts.reasoning_tokens ?? 0,
      audio_tokens: 0,
      accepted_prediction_tokens: 0,
      rejected_prediction_tokens: 0,
    },
  };
}

/** The Responses API's usage object: the same counts under input/output names. */
export function openAiResponsesUsage(counts: TokenCounts): Record<string, unknown> {
  const input = counts.prompt_tokens ?? 0;
  const output = counts.completion_tokens ?? 0;
  return {
    input_tokens: input,
    input_tokens_details: cacheDetails(counts),
    output_tokens: output,
    output_tokens_details: { reasoning_tokens: counts.reasoning_tokens ?? 0 },
    total_tokens: input + output,
  };
}

function cacheDetails(counts: TokenCounts): Record<string, number> {
  const cacheWrite = counts.cache_write_tokens;
  return cacheWrite === undefined
    ? { cached_tokens: counts.cached_tokens ?? 0 }
    : { cached_tokens: counts.cached_tokens ?? 0, cache_write_tokens: cacheWrite };
}
