import { once } from 'node:events';
import { MessageChannel, Worker, type Transferable } from 'node:worker_threads';
import { StoreError } from '../../domain/errors/index.ts';
import type { ColumnBatch } from '../column-batch.ts';
import { packColumnBatch } from '../packed-column-batch.ts';
import type { Store } from '../store.ts';
import type { HostedGuest, ThreadHost } from '../thread-host.ts';
import { workerUrl } from '../worker-url.ts';
import type { DuckDbWorkload } from './open-duckdb.ts';
import {
  BATCH_METHODS,
  receivedError,
  sendableError,
  type FromStoreThread,
  type IteratedMethod,
  type StoreThreadData,
  type ToStoreThread,
} from './store-thread-protocol.ts';

/**
 * The store thread's young generation. V8 grows it to 32 MB on a thread that keeps
 * allocating, as this one does under a gateway (it reads and appends the spool's batches
 * every second): saturated, the thread's heap peaked at 53 MB uncapped, 37–45 MB at this cap.
 */
const YOUNG_GENERATION_MB = 8;

/** Every Store method but the streamed ones and close, which have their own ways. */
type ForwardedMethod = Exclude<keyof Store, IteratedMethod | 'appendNewStream' | 'close'>;

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

/**
 * The DuckDB store run on a thread of its own, for `tokenops start`: the gateway's spool
 * appends (whose appender flush holds its thread for milliseconds even for one row) and the
 * dashboard's reports then never stop the thread that answers calls. The same contract as
 * DuckDbStore, which it runs: calls keep their order, column batches cross packed, iterated
 * results come a batch per message, and errors arrive as the classes they were thrown as.
 */
export class DuckDbThreadStore implements Store, ThreadHost {
  private readonly pending = new Map<number, Pending>();
  private readonly streams = new Map<number, AsyncIterator<ColumnBatch>>();
  private readonly inFlight = new Set<Promise<unknown>>();
  private nextId = 0;
  private failure: Error | undefined;

  private constructor(private readonly worker: Worker) {
    worker.on('message', (message: FromStoreThread) => this.receive(message));
    const stopped = (error: Error): void => {
      this.failure ??= new StoreError(
        `the store's thread stopped: ${error.message}`,
        'restart tokenops start; the spool keeps every event until the store takes it',
      );
      for (const waiting of this.pending.values()) waiting.reject(this.failure);
      this.pending.clear();
    };
    worker.on('error', stopped);
    worker.on('exit', (code) => stopped(new Error(`it exited with code ${code}`)));
  }

  /** Starts the thread and opens the file there; the file's own errors are thrown here. */
  static async open(path: string, workload: DuckDbWorkload): Promise<DuckDbThreadStore> {
    const worker = new Worker(workerUrl(import.meta.url, 'duckdb-store-worker'), {
      workerData: { path, workload } satisfies StoreThreadData,
      resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
    });
    const [first] = (await Promise.race([
      once(worker, 'message'),
      once(worker, 'error').then(([error]) => {
        throw error;
      }),
    ])) as [FromStoreThread];
    if (first.type === 'open-failed') {
      await worker.terminate();
      throw receivedError(first.error);
    }
    return new DuckDbThreadStore(worker);
  }

  readonly append = this.forward('append');
  readonly appendColumns = this.forward('appendColumns');
  readonly appendNew = this.forward('appendNew');
  readonly appendNewColumns = this.forward('appendNewColumns');
  readonly report = this.forward('report');
  readonly tagValues = this.forward('tagValues');
  readonly timeRange = this.forward('timeRange');
  readonly schemaVersion = this.forward('schemaVersion');
  readonly unpriced = this.forward('unpriced');
  readonly updatePricing = this.forward('updatePricing');
  readonly deleteSource = this.forward('deleteSource');
  readonly appendBillingLines = this.forward('appendBillingLines');
  readonly reconcileTotals = this.forward('reconcileTotals');
  readonly recordFeedback = this.forward('recordFeedback');
  readonly countUnpriced = this.forward('countUnpriced');
  readonly allocationTotals = this.forward('allocationTotals');
  readonly unitEconomicsTotals = this.forward('unitEconomicsTotals');
  readonly experimentTotals = this.forward('experimentTotals');
  readonly appendRevenue = this.forward('appendRevenue');
  readonly layerGroups = this.forward('layerGroups');
  readonly yieldGroups = this.forward('yieldGroups');
  readonly topTraces = this.forward('topTraces');
  readonly traceCalls = this.forward('traceCalls');
  readonly activityHours = this.forward('activityHours');
  readonly activityMinutes = this.forward('activityMinutes');
  readonly recordAlerts = this.forward('recordAlerts');
  readonly listAlerts = this.forward('listAlerts');
  readonly dueDeliveries = this.forward('dueDeliveries');
  readonly recordDeliveries = this.forward('recordDeliveries');
  readonly saveBudget = this.forward('saveBudget');
  readonly deleteBudget = this.forward('deleteBudget');
  readonly listBudgets = this.forward('listBudgets');
  readonly eventsBetween = this.iterated('eventsBetween');
  readonly callsBetween = this.iterated('callsBetween');
  readonly usageGroups = this.iterated('usageGroups');

  appendNewStream(batches: AsyncIterable<ColumnBatch>): Promise<number> {
    const stream = this.nextId++;
    this.streams.set(stream, batches[Symbol.asyncIterator]());
    return this.request<number>({ type: 'append-stream', id: this.nextId++, stream }).finally(() =>
      this.streams.delete(stream),
    );
  }

  /**
   * Serves `module` on the store's thread (ThreadHost). Closing the store closes the guest's
   * port, so a guest never keeps the thread from ending.
   */
  host(module: URL, data: unknown): HostedGuest {
    const { port1, port2 } = new MessageChannel();
    const ready = this.request<undefined>(
      { type: 'host', id: this.nextId++, module: module.href, data, port: port2 },
      [port2],
    );
    // A guest that never started leaves no open port behind.
    const started = ready.then(
      () => undefined,
      (error: unknown) => {
        port1.close();
        throw error;
      },
    );
    return { port: port1, ready: started };
  }

  /** Once every call made before it is answered: closes the file, then the thread ends. */
  async close(): Promise<void> {
    await Promise.allSettled(this.inFlight);
    if (this.failure) return;
    const exited = once(this.worker, 'exit');
    await this.call('close', []);
    await exited;
  }

  /** A Store method answered on the store's thread. */
  private forward<M extends ForwardedMethod>(method: M): Store[M] {
    return ((...args: unknown[]) => this.call(method, args)) as Store[M];
  }

  /** A Store method whose batches come from the store's thread one message each. */
  private iterated<M extends IteratedMethod>(method: M): Store[M] {
    return ((...args: unknown[]) => this.iterate(method, args)) as Store[M];
  }

  private call<T>(method: keyof Store, args: unknown[]): Promise<T> {
    if (!BATCH_METHODS.has(method)) {
      return this.request({ type: 'call', id: this.nextId++, method, args });
    }
    // Packed, the batch crosses as a few buffers and one string per column of ids: copied,
    // not moved, so a caller may still read it (or retry with it) after a failure.
    const [batch, ...rest] = args as [ColumnBatch, ...unknown[]];
    const { packed } = packColumnBatch(batch);
    return this.request({ type: 'call', id: this.nextId++, method, args: [packed, ...rest] });
  }

  private request<T>(
    message: ToStoreThread & { id: number },
    transfer: Transferable[] = [],
  ): Promise<T> {
    if (this.failure) return Promise.reject(this.failure);
    const answered = new Promise<T>((resolve, reject) => {
      this.pending.set(message.id, { resolve: resolve as (value: unknown) => void, reject });
      this.post(message, transfer);
    });
    this.inFlight.add(answered);
    const settled = (): void => void this.inFlight.delete(answered);
    answered.then(settled, settled);
    return answered;
  }

  private async *iterate<T>(method: IteratedMethod, args: unknown[]): AsyncGenerator<T> {
    const iterator = this.nextId++;
    this.post({ type: 'iterate', iterator, method, args });
    let done = false;
    try {
      for (;;) {
        const step = await this.request<IteratorResult<T>>({
          type: 'next',
          id: this.nextId++,
          iterator,
        });
        if (step.done) {
          done = true;
          return;
        }
        yield step.value;
      }
    } finally {
      if (!done && !this.failure) {
        await this.request({ type: 'return', id: this.nextId++, iterator });
      }
    }
  }

  private receive(message: FromStoreThread): void {
    if (message.type === 'pull') {
      void this.pull(message.stream, message.stop === true);
      return;
    }
    if (message.type !== 'result' && message.type !== 'error') return;
    const waiting = this.pending.get(message.id);
    if (!waiting) return;
    this.pending.delete(message.id);
    if (message.type === 'result') waiting.resolve(message.value);
    else waiting.reject(receivedError(message.error));
  }

  /** Answers the store's thread with a stream's next batch (or its end, or its error). */
  private async pull(stream: number, stop: boolean): Promise<void> {
    const source = this.streams.get(stream);
    if (!source) return;
    if (stop) {
      this.streams.delete(stream);
      // The store's own failure is what appendNewStream rejects with; the source's ending is
      // only cleanup, as in appendInRowGroups.
      await source.return?.().catch(() => undefined);
      return;
    }
    try {
      const next = await source.next();
      if (next.done) {
        this.post({ type: 'push', stream });
        return;
      }
      // Moved, not copied: a stream's batches are the store's once given.
      const { packed, transfer } = packColumnBatch(next.value);
      this.post({ type: 'push', stream, batch: packed }, transfer);
    } catch (error) {
      this.post({ type: 'push', stream, error: sendableError(error) });
    }
  }

  private post(message: ToStoreThread, transfer: Transferable[] = []): void {
    this.worker.postMessage(message, transfer);
  }
}
