import type { TokenCounts } from '../stand-in-responder.ts';
import type { StandInBatchLine } from '../stand-in-storage.ts';
import { anthropicMessage } from './anthropic-message.ts';
import { anthropicUsage } from './anthropic-stand-in-usage.ts';

/**
 * The results JSONL of an ended batch: every line succeeds with the stand-in's usage (on the
 * `batch` service tier), except one without `messages` or `max_tokens`, which errors as the
 * Messages API would refuse it.
 */
export function anthropicBatchResults(
  batchId: string,
  lines: readonly StandInBatchLine[],
  usage: TokenCounts,
  pieces: readonly string[],
): string[] {
  return lines.map((line, index) => {
    const missing = ['messages', 'max_tokens'].find((field) => line.body[field] === undefined);
    const result =
      missing === undefined
        ? {
            type: 'succeeded',
            message: anthropicMessage({
              id: `msg_${batchId}_${index + 1}`,
              model: typeof line.body.model === 'string' ? line.body.model : 'claude-haiku-4-5',
              pieces,
              usage: anthropicUsage(usage, 'batch'),
            }),
          }
        : {
            type: 'errored',
            error: {
              type: 'error',
              error: { type: 'invalid_request_error', message: `${missing}: Field required` },
            },
          };
    return JSON.stringify({ custom_id: line.customId, result });
  });
}

/** How many results are errored, for request_counts. */
export function countErrored(results: readonly string[]): number {
  return results.filter((line) => line.includes('"type":"errored"')).length;
}
