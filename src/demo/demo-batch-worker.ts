import { parentPort, workerData } from 'node:worker_threads';
import type { PricedUsageEvent } from '../domain/usage-event.ts';
import { pricerFromSpec, type PricerSpec } from '../ingest/events/pricer-spec.ts';
import { toColumnBatch } from '../store/column-batch.ts';
import { EVENT_COLUMNS } from '../store/event-columns.ts';
import { packColumnBatch, type PackedColumnBatch } from '../store/packed-column-batch.ts';
import type { DemoOptions } from './demo-options.ts';
import { generateDemoWorkload } from './generate-demo-workload.ts';

/** What the loader starts the worker with. */
export interface DemoBatchJob {
  options: DemoOptions;
  batchSize: number;
  pricer: PricerSpec;
}

/** The worker's messages: a batch and its effective cost, the end, or why it stopped. */
export type DemoBatchMessage =
  { batch: PackedColumnBatch; cost: number } | { done: true } | { failure: string };

const port = parentPort;
if (!port) throw new Error('demo-batch-worker.ts runs only as a worker thread');
const job = workerData as DemoBatchJob;
const pricer = pricerFromSpec(job.pricer);
const batches = generateDemoWorkload(job.options, job.batchSize);

// Each message from the loader asks for one more batch, so the worker runs at most as far
// ahead as the loader lets it (memory stays at a few batches).
port.on('message', () => {
  try {
    const next = batches.next();
    if (next.done) {
      port.postMessage({ done: true } satisfies DemoBatchMessage);
      return;
    }
    const events = next.value as PricedUsageEvent[];
    let cost = 0;
    for (const event of events) {
      event.pricing = pricer.price(event);
      cost += event.pricing.effective?.total ?? 0;
    }
    const { packed, transfer } = packColumnBatch(toColumnBatch(EVENT_COLUMNS, events));
    port.postMessage({ batch: packed, cost } satisfies DemoBatchMessage, transfer);
  } catch (error) {
    const failure = error instanceof Error ? (error.stack ?? error.message) : String(error);
    port.postMessage({ failure } satisfies DemoBatchMessage);
  }
});
