import type { BatchStatus } from '../../domain/batch.ts';
import type { BatchClient } from './batch-client.ts';

export interface WaitOptions {
  /** Between polls. */
  intervalMs: number;
  /** Injected so tests never wait on real time. */
  sleep: (ms: number) => Promise<void>;
  /** Each status read, for a progress bar. */
  onStatus?: (status: BatchStatus) => void;
}

/** Polls a batch until it has ended or failed; returns its last status. */
export async function waitForBatch(
  client: BatchClient,
  id: string,
  options: WaitOptions,
): Promise<BatchStatus> {
  for (;;) {
    const status = await client.status(id);
    options.onStatus?.(status);
    if (status.state !== 'in_progress') return status;
    await options.sleep(options.intervalMs);
  }
}
