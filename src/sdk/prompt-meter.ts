import { createHash } from 'node:crypto';
import { createPromptMeasurer } from '../providers/metering/measure-prompt.ts';

export type PromptMeasurer = Awaited<ReturnType<typeof createPromptMeasurer>>;

/**
 * The gateway's prompt measurer, loaded once on first use (the tokenizers are large), so a
 * program that never makes a metered call never loads them.
 */
export function createPromptMeter(): () => Promise<PromptMeasurer> {
  let loading: Promise<PromptMeasurer> | undefined;
  return () =>
    (loading ??= createPromptMeasurer((text) => createHash('sha256').update(text).digest('hex')));
}
