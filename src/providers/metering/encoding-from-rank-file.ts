import { GptEncoding } from 'gpt-tokenizer/GptEncoding';
import type { LocalEncoding } from './measure-prompt.ts';

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
// eslint-disable-next-line no-control-regex -- a byte range, not a typo
const ASCII = /^[\x00-\x7f]*$/;

/**
 * Builds a gpt-tokenizer encoding from the package's `.tiktoken` rank file (a "BASE64 RANK"
 * line per token), read by the caller, instead of importing its `encoding/NAME` module. That
 * module is a 2.4 MB array literal: parsing it left ~23 MB of the parser's memory in the
 * process for good, about half of what loading o200k_base cost (docs/gateway.md, memory).
 * Each token is laid out as the package's own ranks are, so counts are the same: a string
 * when its bytes are UTF-8, else the bytes.
 */
export function encodingFromRankFile(
  encoding: LocalEncoding,
  rankFile: string,
): { countTokens: (text: string) => number } {
  const ranks = ranksFromRankFile(encoding, rankFile);
  return GptEncoding.getEncodingApi(encoding, () => ranks);
}

/** The tokens of a `.tiktoken` file, indexed by rank. */
export function ranksFromRankFile(
  encoding: LocalEncoding,
  rankFile: string,
): (string | number[])[] {
  const ranks: (string | number[])[] = [];
  let lineStart = 0;
  while (lineStart < rankFile.length) {
    const newline = rankFile.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? rankFile.length : newline;
    const space = rankFile.indexOf(' ', lineStart);
    if (space === -1 || space > lineEnd) {
      throw new Error(`${encoding}: rank file line at offset ${lineStart} has no rank`);
    }
    const rank = Number(rankFile.slice(space + 1, lineEnd));
    ranks[rank] = token(atob(rankFile.slice(lineStart, space)));
    lineStart = lineEnd + 1;
  }
  return ranks;
}

/** A token from its bytes, given as a binary string (one char per byte, as atob returns). */
function token(binary: string): string | number[] {
  // Most tokens are ASCII, whose binary string is already the text.
  if (ASCII.test(binary)) return binary;
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return Array.from(bytes);
  }
  // gpt-tokenizer's own ranks keep a token that starts with a byte order mark as bytes.
  return text.startsWith('\ufeff') ? Array.from(bytes) : text;
}
