import type { BatchStatus } from '../../domain/batch.ts';
import { asJsonObject } from '../shared/as-json-object.ts';
import { readNonEmptyString } from '../shared/read-non-empty-string.ts';
import { readWholeNumber } from '../shared/read-whole-number.ts';
import { withoutUndefined } from '../shared/without-undefined.ts';

/**
 * Reads a Message Batch (`POST /v1/messages/batches`, `GET /v1/messages/batches/{id}`):
 * `processing_status` is in_progress, canceling or ended, and `request_counts` splits the
 * requests into processing, succeeded, errored, canceled and expired. A batch that ends
 * after a cancellation or its 24 hours has still ended: its results hold what ran.
 */
export function readAnthropicBatchStatus(body: unknown): BatchStatus {
  const batch = asJsonObject(body);
  const providerStatus = readNonEmptyString(batch?.processing_status) ?? 'unknown';
  const counts = asJsonObject(batch?.request_counts);
  const count = (name: string) => readWholeNumber(counts?.[name]) ?? 0;
  const succeeded = count('succeeded');
  const failed = count('errored') + count('canceled') + count('expired');
  const endedAt = Date.parse(readNonEmptyString(batch?.ended_at) ?? '');
  return withoutUndefined({
    id: readNonEmptyString(batch?.id) ?? '',
    state: providerStatus === 'ended' ? 'ended' : 'in_progress',
    providerStatus,
    total: count('processing') + succeeded + failed,
    done: succeeded + failed,
    succeeded,
    failed,
    endedAt: Number.isNaN(endedAt) ? undefined : endedAt,
  });
}
