import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, it } from 'node:test';
import { countTokens as countCl100k } from 'gpt-tokenizer/encoding/cl100k_base';
import { countTokens as countO200k } from 'gpt-tokenizer/encoding/o200k_base';
import { encodingFromRankFile, ranksFromRankFile } from './encoding-from-rank-file.ts';
import type { LocalEncoding } from './measure-prompt.ts';

const require = createRequire(import.meta.url);
const rankFile = (encoding: LocalEncoding) =>
  readFileSync(require.resolve(`gpt-tokenizer/data/${encoding}.tiktoken`), 'latin1');

// Texts that reach the byte-level tokens: accents, CJK, emoji, a BOM, a lone surrogate.
const SAMPLES = [
  'You are terse.',
  'Réponds en français, s’il te plaît — sans détour.',
  '你好，世界。 こんにちは 안녕하세요',
  'emoji 👩‍💻🚀 and \ufeffusing System;',
  'broken \ud83d surrogate',
  '{"type":"function","function":{"name":"get_weather","parameters":{}}}',
];

describe('encodingFromRankFile', () => {
  for (const [encoding, countTokens] of [
    ['o200k_base', countO200k],
    ['cl100k_base', countCl100k],
  ] as const) {
    it(`lays out ${encoding}'s ranks exactly as gpt-tokenizer's own module`, async () => {
      const own = (await import(`gpt-tokenizer/bpeRanks/${encoding}`)) as {
        default: readonly (string | readonly number[])[];
      };
      const built = ranksFromRankFile(encoding, rankFile(encoding));
      assert.equal(built.length, own.default.length);
      assert.deepEqual(built, own.default);
    });

    it(`counts ${encoding} tokens as gpt-tokenizer's own module does`, () => {
      const built = encodingFromRankFile(encoding, rankFile(encoding));
      for (const text of SAMPLES) assert.equal(built.countTokens(text), countTokens(text), text);
    });
  }

  it('names the line of a rank file that has no rank', () => {
    assert.throws(
      () => encodingFromRankFile('o200k_base', 'IQ== 0\nIg==\nIw== 2\n'),
      /o200k_base: rank file line at offset 7 has no rank/,
    );
  });
});
