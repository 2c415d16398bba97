import { hash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { encodingFromRankFile } from '../providers/metering/encoding-from-rank-file.ts';
import { createPromptMeasurer, type LoadEncoding } from '../providers/metering/measure-prompt.ts';

export type PromptMeasurer = ReturnType<typeof createPromptMeasurer>;

const require = createRequire(import.meta.url);

/** Synchronously, so an encoding first needed mid-call loads then, not at start. */
const loadEncoding: LoadEncoding = (encoding) =>
  encodingFromRankFile(
    encoding,
    readFileSync(require.resolve(`gpt-tokenizer/data/${encoding}.tiktoken`), 'latin1'),
  );

/**
 * The gateway's prompt measurer, loaded once on first use (the tokenizers are large), so a
 * program that never makes a metered call never loads them.
 */
export function createPromptMeter(): () => Promise<PromptMeasurer> {
  let loading: Promise<PromptMeasurer> | undefined;
  return () =>
    (loading ??= Promise.resolve().then(() =>
      createPromptMeasurer((text) => hash('sha256', text, 'hex'), loadEncoding),
    ));
}
