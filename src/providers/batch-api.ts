import type { BatchRequest, BatchResult, BatchStatus } from '../domain/batch.ts';

/** One HTTP call of a batch API: a path under the provider's base URL, without credentials. */
export interface BatchHttpRequest {
  method: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface BatchHttpResponse {
  status: number;
  text: string;
}

/**
 * Sends one call to the provider, adding its base URL and credential. The caller (a
 * composition root) owns the network; a provider's batch API only says what to send and reads
 * what comes back, so it stays pure and testable with a fake.
 */
export type BatchTransport = (request: BatchHttpRequest) => Promise<BatchHttpResponse>;

export interface BatchRequestProblem {
  line: number;
  reason: string;
}

/**
 * A provider's batch API: what its lines must look like, how a batch is sent, polled and its
 * results read. Each method throws UpstreamError with the provider's message when it refuses.
 */
export interface ProviderBatchApi {
  /** The first line this provider cannot take, and why (with the fix); undefined when none. */
  checkRequests(requests: readonly BatchRequest[]): BatchRequestProblem | undefined;
  submit(send: BatchTransport, requests: readonly BatchRequest[]): Promise<BatchStatus>;
  status(send: BatchTransport, id: string): Promise<BatchStatus>;
  /** Every result of an ended batch, in the provider's order. */
  results(send: BatchTransport, id: string): Promise<BatchResult[]>;
}
