import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, it } from 'node:test';
import { countTokens as countCl100k } from 'gpt-tokenizer/encoding/cl100k_base';
import { countTokens as countO200k } from 'gpt-tokenizer/encoding/o200k_base';
import { encodingFromRankFile } from './encoding-from-rank-file.ts';
import type { LocalEncoding } from './measure-prompt.ts';

const require = createRequire(import.meta.url);
const rankFile = (encoding: LocalEncoding) =>
  readFileSync(require.resolve(`gpt-tokenizer/data/${encoding}.tiktoken`), 'latin1');

// Texts that reach the byte-level tokens and long merges: accents, CJK, emoji, a lone
// surrogate, runs one piece long, and this file's own source as a prompt full of code.
const SAMPLES = [
  'You are terse.',
  'Réponds en français, s’il te plaît — sans détour.',
  '你好，世界。 こんにちは 안녕하세요',
  'emoji 👩‍💻🚀 and a ZWJ',
  'broken \ud83d surrogate',
  '{"type":"function","function":{"name":"get_weather","parameters":{}}}',
  'a'.repeat(5_000),
  `${' '.repeat(3_000)}x`,
  '1234567890'.repeat(50),
  '\t\n\r\n  \n',
  readFileSync(import.meta.filename, 'utf8'),
];

/** gpt-tokenizer's option to count special tokens written in a text as ordinary text. */
const NONE = new Set<string>();

/** Strings of code points drawn from scripts, symbols and emoji, the same on every run. */
function randomTexts(count: number): string[] {
  const ranges = [
    [32, 127],
    [0xa0, 0x2ff],
    [0x400, 0x4ff],
    [0x600, 0x6ff],
    [0x900, 0x97f],
    [0x3040, 0x30ff],
    [0x4e00, 0x4fff],
    [0xac00, 0xacff],
    [0x1f300, 0x1f64f],
    [9, 14],
  ] as const;
  let seed = 7;
  const next = (): number => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
  return Array.from({ length: count }, () => {
    let text = '';
    for (let length = 1 + Math.floor(next() * 60); length > 0; length -= 1) {
      const [low, high] = ranges[Math.floor(next() * ranges.length)]!;
      text += String.fromCodePoint(low + Math.floor(next() * (high - low)));
    }
    return text;
  });
}

describe('encodingFromRankFile', () => {
  for (const [encoding, countTokens] of [
    ['o200k_base', countO200k],
    ['cl100k_base', countCl100k],
  ] as const) {
    it(`counts ${encoding} tokens as gpt-tokenizer does`, () => {
      const built = encodingFromRankFile(encoding, rankFile(encoding));
      for (const text of [...SAMPLES, ...randomTexts(2_000)]) {
        const expected = countTokens(text, { disallowedSpecial: NONE });
        assert.equal(built.countTokens(text), expected, JSON.stringify(text.slice(0, 80)));
      }
    });
  }

  it('counts text after a byte order mark by its bytes, as OpenAI tiktoken does', () => {
    // tiktoken 1.0.22 (OpenAI's Rust core) gives these; gpt-tokenizer 4.0 keeps tokens that
    // start with a BOM as bytes its string lookup never finds, and gives 15, 3, 7 and 17, 3, 5.
    const texts = ['emoji 👩‍💻🚀 and \ufeffusing System;', '\ufeffhello', 'x \ufeff\ufeff y'];
    const o200k = encodingFromRankFile('o200k_base', rankFile('o200k_base'));
    const cl100k = encodingFromRankFile('cl100k_base', rankFile('cl100k_base'));
    assert.deepEqual(texts.map(o200k.countTokens), [13, 2, 4]);
    assert.deepEqual(texts.map(cl100k.countTokens), [15, 2, 4]);
  });

  it('counts a special token written in a prompt as ordinary text', () => {
    const o200k = encodingFromRankFile('o200k_base', rankFile('o200k_base'));
    const text = 'stop at <|endoftext|> please';
    // gpt-tokenizer's default throws on it: a prompt quoting one must still be counted.
    assert.throws(() => countO200k(text), /Disallowed special token/);
    assert.equal(o200k.countTokens(text), countO200k(text, { disallowedSpecial: NONE }));
  });

  it('names the line of a rank file that has no rank or is not base64', () => {
    assert.throws(
      () => encodingFromRankFile('o200k_base', 'IQ== 0\nIg==\nIw== 2\n'),
      /o200k_base: rank file line at offset 7 has no rank/,
    );
    assert.throws(
      () => encodingFromRankFile('o200k_base', 'IQ== 0\nI*== 1\n'),
      /o200k_base: rank file line at offset 7 is not base64/,
    );
  });
});
