import type { BatchRequest, BatchResult, BatchStatus } from '../../domain/batch.ts';

/**
 * One provider's batch API as the core uses it. A composition root binds the provider's
 * functions to the network (base URL, key); tests pass a fake.
 */
export interface BatchClient {
  readonly provider: string;
  /** The first line the provider cannot take, and why; undefined when none. */
  checkRequests(requests: readonly BatchRequest[]): { line: number; reason: string } | undefined;
  submit(requests: readonly BatchRequest[]): Promise<BatchStatus>;
  status(id: string): Promise<BatchStatus>;
  /** Every result of an ended batch. */
  results(id: string): Promise<BatchResult[]>;
}
