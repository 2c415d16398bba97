/**
 * One call's usage as the OpenAI and Anthropic stand-ins report it, and the same normalised
 * (PRODUCT.md §9): shared by the gateway's and the SDK's official-client tests, which must
 * record the same counts for the same call.
 */
export const OPENAI_USAGE = { prompt_tokens: 1500, completion_tokens: 220, cached_tokens: 1024 };

export const ANTHROPIC_USAGE = {
  input_tokens: 40,
  output_tokens: 310,
  cache_read_input_tokens: 2048,
  cache_creation_5m: 512,
};

export const OPENAI_TOKENS = {
  input: 1500,
  output: 220,
  cacheRead: 1024,
  cacheWrite: 0,
  cacheWrite1h: 0,
  reasoning: 0,
};

/** Anthropic's input excludes cache reads and writes: 40 + 2,048 + 512. */
export const ANTHROPIC_TOKENS = {
  input: 2600,
  output: 310,
  cacheRead: 2048,
  cacheWrite: 512,
  cacheWrite1h: 0,
  reasoning: 0,
};
