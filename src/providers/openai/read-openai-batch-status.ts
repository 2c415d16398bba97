import type { BatchState, BatchStatus } from '../../domain/batch.ts';
import { asJsonObject } from '../shared/as-json-object.ts';
import { readNonEmptyString } from '../shared/read-non-empty-string.ts';
import { readWholeNumber } from '../shared/read-whole-number.ts';
import { withoutUndefined } from '../shared/without-undefined.ts';

/**
 * OpenAI's statuses in three: an expired or cancelled batch has ended too — the requests it
 * finished are in its output file and are billed. `failed` is a file refused at validation.
 */
const STATE_BY_STATUS: Readonly<Record<string, BatchState>> = {
  validating: 'in_progress',
  in_progress: 'in_progress',
  finalizing: 'in_progress',
  cancelling: 'in_progress',
  completed: 'ended',
  expired: 'ended',
  cancelled: 'ended',
  failed: 'failed',
};

/** The status, plus what reading the results needs. */
export interface OpenAiBatchStatus extends BatchStatus {
  endpoint?: string;
  /** The JSONL of the requests that got an answer (2xx or not). */
  outputFileId?: string;
  /** The JSONL of the requests that got none (expired, cancelled, refused). */
  errorFileId?: string;
}

/** Reads a Batch object (`POST /v1/batches`, `GET /v1/batches/{id}`). */
export function readOpenAiBatchStatus(body: unknown): OpenAiBatchStatus {
  const batch = asJsonObject(body);
  const providerStatus = readNonEmptyString(batch?.status) ?? 'unknown';
  const counts = asJsonObject(batch?.request_counts);
  const completed = readWholeNumber(counts?.completed) ?? 0;
  const failed = readWholeNumber(counts?.failed) ?? 0;
  const endedSeconds = [batch?.completed_at, batch?.expired_at, batch?.cancelled_at]
    .map(readWholeNumber)
    .find((seconds) => seconds !== undefined);
  return withoutUndefined({
    id: readNonEmptyString(batch?.id) ?? '',
    state: STATE_BY_STATUS[providerStatus] ?? 'in_progress',
    providerStatus,
    total: readWholeNumber(counts?.total) ?? 0,
    done: completed + failed,
    succeeded: completed,
    failed,
    endedAt: endedSeconds === undefined ? undefined : endedSeconds * 1000,
    message: firstValidationError(batch?.errors),
    endpoint: readNonEmptyString(batch?.endpoint),
    outputFileId: readNonEmptyString(batch?.output_file_id),
    errorFileId: readNonEmptyString(batch?.error_file_id),
  });
}

/** `errors.data[0]`: why validation refused the file, with the line when OpenAI names it. */
function firstValidationError(errors: unknown): string | undefined {
  const list = asJsonObject(errors)?.data;
  const first = Array.isArray(list) ? asJsonObject(list[0]) : undefined;
  const message = readNonEmptyString(first?.message);
  if (message === undefined) return undefined;
  const line = readWholeNumber(first?.line);
  return line === undefined ? message : `line ${line}: ${message}`;
}
