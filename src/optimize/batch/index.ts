export type { BatchClient } from './batch-client.ts';
export type { BatchRecord, BatchRecords } from './batch-record.ts';
export { collectBatch, type CollectSummary } from './collect-batch.ts';
export { recordStatus } from './record-status.ts';
export { submitBatch } from './submit-batch.ts';
export { waitForBatch } from './wait-for-batch.ts';
