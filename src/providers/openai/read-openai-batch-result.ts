import type { BatchOutcome, BatchResult } from '../../domain/batch.ts';
import { errorKindForStatus } from '../metering/error-kind-for-status.ts';
import { asJsonObject } from '../shared/as-json-object.ts';
import { readWholeNumber } from '../shared/read-whole-number.ts';
import { withoutUndefined } from '../shared/without-undefined.ts';
import { normalizeOpenAiUsage } from './normalize-openai-usage.ts';
import { readOpenAiErrorKind } from './read-openai-error-kind.ts';
import { readOpenAiResponse } from './read-openai-response.ts';

/** Error codes of lines that never ran, which OpenAI does not bill. */
const UNRUN: Readonly<Record<string, BatchOutcome>> = {
  batch_expired: 'expired',
  batch_cancelled: 'canceled',
};

/**
 * One line of a batch's output or error file: `{id, custom_id, response: {status_code,
 * request_id, body}, error}`. A 2xx `body` is the endpoint's usual answer, read by the same
 * reader as the gateway's; a non-2xx one carries the API's error object; `error` (no
 * response) is a line that never ran.
 */
export function readOpenAiBatchResult(line: unknown, operation: string | undefined): BatchResult {
  const fields = asJsonObject(line);
  const customId = typeof fields?.custom_id === 'string' ? fields.custom_id : '';
  const response = asJsonObject(fields?.response);
  const statusCode = readWholeNumber(response?.status_code);
  const base = withoutUndefined({ customId, operation });
  if (response === undefined || statusCode === undefined) {
    const error = asJsonObject(fields?.error);
    const code = typeof error?.code === 'string' ? error.code : '';
    const outcome = UNRUN[code] ?? 'errored';
    return outcome === 'errored'
      ? { ...base, outcome, errorKind: readOpenAiErrorKind(error) ?? 'unknown' }
      : { ...base, outcome };
  }
  const reading = readOpenAiResponse(response.body);
  const model = reading.model === undefined ? {} : { model: reading.model };
  if (statusCode >= 200 && statusCode < 300) {
    const tokens = reading.reported && normalizeOpenAiUsage(reading.reported);
    return { ...base, ...model, outcome: 'succeeded', ...(tokens ? { tokens } : {}) };
  }
  return {
    ...base,
    ...model,
    outcome: 'errored',
    errorKind: reading.errorKind ?? errorKindForStatus(statusCode),
  };
}
