import type { JsonObject } from './json-fields.ts';

/** One request of a batch as the stand-in received it. */
export interface StandInBatchLine {
  readonly customId: string;
  readonly body: JsonObject;
}

export interface StandInBatch {
  readonly id: string;
  /** Date.now() at creation */
  readonly createdAt: number;
  readonly lines: readonly StandInBatchLine[];
  /** status polls still to answer "in progress"; the next poll after the last ends the batch */
  pollsLeft: number;
  /** Date.now() when the batch ended; undefined while it runs */
  endedAt?: number;
  /** what the provider's own responder keeps (OpenAI's endpoint and file ids) */
  readonly details: Record<string, string>;
}

/** What one stand-in keeps between requests, so batch APIs can be created, polled and read. */
export interface StandInStorage {
  /** uploaded and generated files by id */
  readonly files: Map<string, string>;
  readonly batches: Map<string, StandInBatch>;
  /** how many status polls a new batch answers "in progress" (StandInOptions.batchPolls) */
  readonly batchPolls: number;
}

export function createStandInStorage(batchPolls: number): StandInStorage {
  return { files: new Map(), batches: new Map(), batchPolls };
}

/**
 * Counts one status poll and says whether this poll ended the batch (true once, on the poll
 * that ends it, so the provider's responder builds its results exactly once).
 */
export function pollStandInBatch(batch: StandInBatch): boolean {
  if (batch.endedAt !== undefined) return false;
  if (batch.pollsLeft > 0) {
    batch.pollsLeft -= 1;
    return false;
  }
  batch.endedAt = Date.now();
  return true;
}
