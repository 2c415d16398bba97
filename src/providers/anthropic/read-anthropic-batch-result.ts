import type { BatchOutcome, BatchResult } from '../../domain/batch.ts';
import { asJsonObject } from '../shared/as-json-object.ts';
import { normalizeAnthropicUsage } from './normalize-anthropic-usage.ts';
import { readAnthropicErrorKind } from './read-anthropic-error-kind.ts';
import { readAnthropicResponse } from './read-anthropic-response.ts';

const OUTCOMES: readonly BatchOutcome[] = ['succeeded', 'errored', 'canceled', 'expired'];

/**
 * One line of a Message Batch's results: `{custom_id, result: {type, message | error}}`. A
 * succeeded `message` is a Messages response, read by the gateway's own reader; an errored
 * line's `error` is an error body (`{type: 'error', error: {type, message}}`). Canceled and
 * expired lines never ran and are not billed.
 */
export function readAnthropicBatchResult(line: unknown): BatchResult {
  const fields = asJsonObject(line);
  const customId = typeof fields?.custom_id === 'string' ? fields.custom_id : '';
  const result = asJsonObject(fields?.result);
  const type = OUTCOMES.find((outcome) => outcome === result?.type) ?? 'errored';
  const base = { customId, operation: 'messages' };
  if (type === 'succeeded') {
    const reading = readAnthropicResponse(result?.message);
    const tokens = reading.reported && normalizeAnthropicUsage(reading.reported);
    return {
      ...base,
      outcome: type,
      ...(reading.model === undefined ? {} : { model: reading.model }),
      ...(tokens ? { tokens } : {}),
    };
  }
  if (type !== 'errored') return { ...base, outcome: type };
  const error = asJsonObject(result?.error);
  const inner = error?.type === 'error' ? error.error : error;
  return { ...base, outcome: type, errorKind: readAnthropicErrorKind(inner) ?? 'unknown' };
}
