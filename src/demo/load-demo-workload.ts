import type { PricerSpec } from '../ingest/events/pricer-spec.ts';
import type { Store } from '../store/store.ts';
import { demoColumnBatches } from './demo-column-batches.ts';
import type { DemoOptions } from './demo-options.ts';

// One DuckDB row group: a transaction this large is compressed straight into the file instead
// of going through the write-ahead log and a checkpoint (2026-11-23-duckdb-write-path.md).
const BATCH_SIZE = 122_880;

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
 * (demoColumnBatches) while this thread appends the batch before, each batch atomically.
 */
export async function loadDemoWorkload(
  store: Store,
  options: DemoOptions,
  pricer: PricerSpec,
  onBatch: (events: number) => void = () => {},
): Promise<DemoLoad> {
  const load: DemoLoad = { events: 0, cost: 0, appendMs: 0, waitMs: 0 };
  let mark = performance.now();
  for await (const generated of demoColumnBatches(options, pricer, BATCH_SIZE)) {
    const received = performance.now();
    load.waitMs += received - mark;
    load.events += await store.appendNewColumns(generated.batch);
    load.cost += generated.cost;
    mark = performance.now();
    load.appendMs += mark - received;
    onBatch(generated.batch.count);
  }
  return load;
}
