import type { PricerSpec } from '../ingest/events/pricer-spec.ts';
import type { ColumnBatch } from '../store/column-batch.ts';
import type { Store } from '../store/store.ts';
import { demoColumnBatches } from './demo-column-batches.ts';
import type { DemoOptions } from './demo-options.ts';

// A quarter of a DuckDB row group: the writer starts on the first batch soon after the start
// and the generator's last batch leaves it little to finish alone, while the store still
// commits a row group at a time (Store.appendNewStream).
const BATCH_SIZE = 30_720;

export interface DemoLoad {
  events: number;
  /** Effective cost of the events written. */
  cost: number;
  /** Time the store spent writing, and time spent waiting for the generator thread. */
  appendMs: number;
  waitMs: number;
}

/**
 * Writes the demo workload to the store: generated, priced and laid out on a worker thread
 * (demoColumnBatches) while this thread appends the batches before it.
 */
export async function loadDemoWorkload(
  store: Store,
  options: DemoOptions,
  pricer: PricerSpec,
  onBatch: (events: number) => void = () => {},
): Promise<DemoLoad> {
  const load: DemoLoad = { events: 0, cost: 0, appendMs: 0, waitMs: 0 };
  const started = performance.now();
  async function* batches(): AsyncGenerator<ColumnBatch> {
    let asked = performance.now();
    for await (const generated of demoColumnBatches(options, pricer, BATCH_SIZE)) {
      load.waitMs += performance.now() - asked;
      load.cost += generated.cost;
      onBatch(generated.batch.count);
      yield generated.batch;
      asked = performance.now();
    }
  }
  load.events = await store.appendNewStream(batches());
  load.appendMs = performance.now() - started - load.waitMs;
  return load;
}
