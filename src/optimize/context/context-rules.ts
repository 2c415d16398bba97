import type { TagScope } from '../../domain/tags.ts';

/** A `context[]` entry: the prompt ceiling of the calls it matches. */
export interface ContextRule {
  match: TagScope;
  maxInputTokens: number;
}

/** An `output[]` entry: the max_tokens default and ceiling of the calls it matches. */
export interface OutputRule {
  match: TagScope;
  defaultMaxTokens?: number;
  maxTokensCeiling?: number;
}
