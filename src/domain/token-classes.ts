/**
 * Token counts normalised one way whatever the provider (PRODUCT.md §9):
 * `input` is every prompt token — uncached, cache reads and cache writes together — and
 * `cacheRead` / `cacheWrite` are parts of it; `output` is every generated token billed as
 * output, reasoning included, and `reasoning` is part of it. Each provider adapter converts
 * its own usage object into this shape; nothing downstream knows the provider's rules.
 */
export interface TokenCounts {
  input: number;
  output: number;
  cacheRead: number;
  /** All cache writes, whatever their time to live. */
  cacheWrite: number;
  /** The part of `cacheWrite` written with a one-hour time to live (priced higher). */
  cacheWrite1h: number;
  reasoning: number;
}

/**
 * Token counts as one provider's usage object reports them, before normalisation: the same
 * fields as TokenCounts but that provider's own subset rules (Anthropic's `input` excludes
 * cache reads and writes, Gemini's `output` excludes thoughts…). Each provider adapter turns
 * them into TokenCounts; `tokenops prices cost --input … --cache-read …` takes them.
 */
export type ReportedUsage = TokenCounts;

/** Prompt parts measured when known; undefined means "not measured", never zero. */
export interface PromptComposition {
  systemPromptTokens?: number;
  toolDefinitionTokens?: number;
}

export const ZERO_TOKENS: Readonly<TokenCounts> = Object.freeze({
  input: 0,
  output: 0,
  cacheRead: 0,
  cacheWrite: 0,
  cacheWrite1h: 0,
  reasoning: 0,
});

/** Fields in order, for code that walks every class. */
export const TOKEN_FIELDS = [
  'input',
  'output',
  'cacheRead',
  'cacheWrite',
  'cacheWrite1h',
  'reasoning',
] as const satisfies readonly (keyof TokenCounts)[];

export interface TokenProblem {
  field: keyof TokenCounts;
  reason: string;
}

/**
 * The most tokens of one class one call may count: stores keep counts as 32-bit integers, and
 * no model's context or output comes near it, so a larger count is a misread, not usage.
 */
export const MAX_TOKEN_COUNT = 2 ** 31 - 1;

/** The subset rules the normalisation promises; a violation means a count was misread. */
export function findTokenProblems(tokens: TokenCounts): TokenProblem[] {
  const problems: TokenProblem[] = [];
  for (const field of TOKEN_FIELDS) {
    const value = tokens[field];
    if (!Number.isInteger(value) || value < 0 || value > MAX_TOKEN_COUNT) {
      problems.push({
        field,
        reason: `must be a whole number of tokens from 0 to ${MAX_TOKEN_COUNT} (got ${value})`,
      });
    }
  }
  if (problems.length > 0) return problems;
  if (tokens.cacheRead + tokens.cacheWrite > tokens.input) {
    problems.push({
      field: 'input',
      reason: `input_tokens (${tokens.input}) must include cache_read_tokens (${tokens.cacheRead}) and cache_write_tokens (${tokens.cacheWrite})`,
    });
  }
  if (tokens.cacheWrite1h > tokens.cacheWrite) {
    problems.push({
      field: 'cacheWrite1h',
      reason: `one-hour cache writes (${tokens.cacheWrite1h}) are part of cache_write_tokens (${tokens.cacheWrite})`,
    });
  }
  if (tokens.reasoning > tokens.output) {
    problems.push({
      field: 'reasoning',
      reason: `reasoning_tokens (${tokens.reasoning}) are part of output_tokens (${tokens.output})`,
    });
  }
  return problems;
}

export function uncachedInput(tokens: TokenCounts): number {
  return tokens.input - tokens.cacheRead - tokens.cacheWrite;
}
