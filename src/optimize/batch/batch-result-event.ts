import { createHash } from 'node:crypto';
import type { BatchResult } from '../../domain/batch.ts';
import { ZERO_TOKENS } from '../../domain/token-classes.ts';
import type { CallStatus, UsageEvent } from '../../domain/usage-event.ts';
import type { BatchRecord } from './batch-record.ts';

/** The events API's longest id. */
const MAX_ID_LENGTH = 128;

/**
 * The event id of one result: the same batch and custom_id always give the same id, so the
 * store (idempotent by id) keeps a result once however often the batch is collected.
 */
export function batchEventId(batchId: string, customId: string): string {
  const id = `batch-${batchId}-${customId}`;
  if (id.length <= MAX_ID_LENGTH) return id;
  const digest = createHash('sha256').update(`${batchId}\n${customId}`).digest('hex');
  return `batch-${digest}`;
}

const STATUS: Readonly<Record<BatchResult['outcome'], CallStatus>> = {
  succeeded: 'ok',
  errored: 'error',
  expired: 'error',
  // Cancelled before it ran: nobody is waiting on it and nothing is billed.
  canceled: 'aborted',
};

/**
 * One result as a usage event on the batch tier, carrying the batch's tags and a free tag
 * `batch` (its id) so reports can group by batch. Lines that did not succeed bill nothing and
 * count 0 tokens; a success that reported no usage is flagged `usage-estimated`, never a
 * silent $0.
 */
export function batchResultEvent(
  record: BatchRecord,
  result: BatchResult,
  timestamp: number,
): UsageEvent {
  const id = batchEventId(record.id, result.customId);
  const status = STATUS[result.outcome];
  const event: UsageEvent = {
    id,
    requestId: id,
    timestamp,
    source: 'batch',
    provider: record.provider,
    model: result.model ?? record.models[result.customId] ?? 'unknown',
    serviceTier: 'batch',
    tokens: { ...(result.tokens ?? ZERO_TOKENS) },
    status,
    attempt: 1,
    tags: { ...record.tags, extra: { ...record.tags.extra, batch: record.id } },
  };
  if (result.operation !== undefined) event.operation = result.operation;
  const asked = record.models[result.customId];
  if (asked !== undefined && asked !== event.model) event.requestedModel = asked;
  if (status === 'error') event.errorKind = result.errorKind ?? result.outcome;
  if (result.outcome === 'succeeded' && result.tokens === undefined) event.usageEstimated = true;
  return event;
}
