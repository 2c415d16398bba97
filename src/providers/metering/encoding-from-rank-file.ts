import {
  CL100K_TOKEN_SPLIT_REGEX,
  O200K_TOKEN_SPLIT_REGEX,
} from 'gpt-tokenizer/encodingParams/constants';
import { bpeRankTableFromFile } from './bpe-rank-table.ts';
import { createBpeCounter } from './count-bpe-tokens.ts';
import type { LocalEncoding } from './measure-prompt.ts';

const SPLIT: Record<LocalEncoding, RegExp> = {
  o200k_base: O200K_TOKEN_SPLIT_REGEX,
  cl100k_base: CL100K_TOKEN_SPLIT_REGEX,
};

/**
 * A token counter for an encoding, from the `.tiktoken` rank file gpt-tokenizer ships (read by
 * the caller) and its split pattern. Counts equal gpt-tokenizer's (its tests compare them);
 * the ranks are held in a compact table (bpe-rank-table.ts) rather than gpt-tokenizer's
 * encoder, which kept ~40 MB resident for o200k_base.
 */
export function encodingFromRankFile(
  encoding: LocalEncoding,
  rankFile: string,
): { countTokens: (text: string) => number } {
  return {
    countTokens: createBpeCounter(bpeRankTableFromFile(encoding, rankFile), SPLIT[encoding]),
  };
}
