import { UpstreamError } from '../../domain/errors/index.ts';

/** A provider's JSONL answer (batch results) as values, blank lines skipped. */
export function readJsonLines(provider: string, what: string, text: string): unknown[] {
  const values: unknown[] = [];
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    try {
      values.push(JSON.parse(line));
    } catch {
      throw new UpstreamError(
        `line ${index + 1} of ${provider}'s ${what} is not JSON`,
        'collect again later; if it persists, report it to the provider',
      );
    }
  });
  return values;
}
