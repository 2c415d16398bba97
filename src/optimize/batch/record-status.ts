import type { BatchStatus } from '../../domain/batch.ts';
import type { BatchRecord } from './batch-record.ts';

type Identity = Omit<
  BatchRecord,
  'state' | 'providerStatus' | 'done' | 'succeeded' | 'failed' | 'checkedAt'
>;

/** The record with the status just read from the provider. */
export function recordStatus(record: Identity, status: BatchStatus, now: Date): BatchRecord {
  return {
    ...record,
    state: status.state,
    providerStatus: status.providerStatus,
    done: status.done,
    succeeded: status.succeeded,
    failed: status.failed,
    checkedAt: now.toISOString(),
  };
}
