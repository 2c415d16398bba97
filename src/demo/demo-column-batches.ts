import { Worker } from 'node:worker_threads';
import type { PricerSpec } from '../ingest/events/pricer-spec.ts';
import { workerUrl } from '../store/worker-url.ts';
import { validatePriceOverrides } from '../pricing/validate-price-overrides.ts';
import type { ColumnBatch } from '../store/column-batch.ts';
import { unpackColumnBatch } from '../store/packed-column-batch.ts';
import type { DemoBatchJob, DemoBatchMessage } from './demo-batch-worker.ts';
import type { DemoOptions } from './demo-options.ts';

/** A batch of the demo workload, priced and laid out as the events table's columns. */
export interface DemoColumnBatch {
  batch: ColumnBatch;
  /** The batch's effective cost. */
  cost: number;
}

/** Batches the worker may have made before the loader takes them. */
const AHEAD = 2;

/**
 * The demo workload (`generateDemoWorkload`, the same events in the same order), generated,
 * priced and laid out on a worker thread while the caller writes earlier batches: a load
 * keeps two cores busy, and the caller's thread only copies columns into the store.
 */
export async function* demoColumnBatches(
  options: DemoOptions,
  pricer: PricerSpec,
  batchSize: number,
): AsyncGenerator<DemoColumnBatch> {
  // Checked here, so a bad override fails with its own message rather than the thread's.
  if (pricer.overrides) validatePriceOverrides(pricer.overrides);
  const job: DemoBatchJob = { options, batchSize, pricer };
  const worker = new Worker(workerUrl(import.meta.url, 'demo-batch-worker'), { workerData: job });
  const received: DemoBatchMessage[] = [];
  let wake: (() => void) | undefined;
  let crashed: Error | undefined;
  worker.on('message', (message: DemoBatchMessage) => {
    received.push(message);
    wake?.();
  });
  // A worker that dies, or a batch that cannot be received, ends the load with its error.
  const crash = (error: Error): void => {
    crashed = error;
    wake?.();
  };
  worker.on('error', crash);
  worker.on('messageerror', crash);
  worker.on('exit', (code) => {
    crashed ??= new Error(`the demo generator thread exited (${code})`);
    wake?.();
  });
  try {
    for (let asked = 0; asked < AHEAD; asked += 1) worker.postMessage('next');
    for (;;) {
      const message = received.shift();
      if (message === undefined) {
        if (crashed) throw crashed;
        await new Promise<void>((resolve) => (wake = resolve));
        continue;
      }
      if ('failure' in message) throw new Error(`the demo generator failed: ${message.failure}`);
      if ('done' in message) return;
      worker.postMessage('next');
      yield { batch: unpackColumnBatch(message.batch), cost: message.cost };
    }
  } finally {
    worker.removeAllListeners('exit');
    await worker.terminate();
  }
}
