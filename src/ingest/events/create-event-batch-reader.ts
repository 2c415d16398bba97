import { availableParallelism } from 'node:os';
import { Worker, type Transferable } from 'node:worker_threads';
import { ValidationError } from '../../domain/errors/index.ts';
import type { ParseOptions } from '../../domain/usage-event-schema.ts';
import type { ColumnBatch } from '../../store/column-batch.ts';
import { unpackColumnBatch } from '../../store/packed-column-batch.ts';
import type { ThreadHost } from '../../store/thread-host.ts';
import { guestUrl, workerUrl } from '../../store/worker-url.ts';
import type { EventBatchAnswer, EventBatchRequest } from './event-batch-service.ts';
import type { PricerSpec } from './pricer-spec.ts';
import type { RefusedEvent } from './read-event-batch.ts';

/** The valid events of a body, priced and laid out as the events table's columns. */
export interface PricedColumnBatch {
  batch: ColumnBatch;
  refused: RefusedEvent[];
}

/** A gateway spool segment's events, priced and laid out. */
export interface SpoolColumnBatch {
  batch: ColumnBatch;
  /** Lines that were not JSON: the half-written last line a kill leaves. */
  skipped: number;
}

export interface EventBatchReader {
  /** Reads a body (UTF-8, unzipped) as readEventBatch does, then prices it, on its own thread. */
  read(bytes: Buffer, options: ParseOptions): Promise<PricedColumnBatch>;
  /** Reads a gateway spool segment as readEventLines does, then prices it, on its own thread. */
  readSpool(bytes: Uint8Array): Promise<SpoolColumnBatch>;
  close(): Promise<void>;
}

interface Pending {
  resolve: (read: PricedColumnBatch & SpoolColumnBatch) => void;
  reject: (error: Error) => void;
}

/** One reader thread and the reads it has not answered yet. */
interface ReaderThread {
  link: ReaderLink;
  pending: Map<number, Pending>;
}

/** The way to a reader thread: a worker of its own, or a guest's port on another thread. */
interface ReaderLink {
  post(request: EventBatchRequest, transfer: Transferable[]): void;
  /** `gone` is called when the thread stops, or cannot start, with why. */
  listen(answered: (answer: EventBatchAnswer) => void, gone: (error: Error) => void): void;
  stop(): Promise<void>;
}

function ownWorker(pricer: PricerSpec, youngGenerationMb: number | undefined): ReaderLink {
  const worker = new Worker(workerUrl(import.meta.url, 'event-batch-worker'), {
    workerData: pricer,
    ...(youngGenerationMb === undefined
      ? {}
      : { resourceLimits: { maxYoungGenerationSizeMb: youngGenerationMb } }),
  });
  worker.unref();
  return {
    post: (request, transfer) => worker.postMessage(request, transfer),
    listen(answered, gone) {
      worker.on('message', answered);
      worker.on('error', gone);
      worker.on('exit', (code) => gone(new Error(`an event reader thread exited (${code})`)));
    },
    async stop() {
      worker.removeAllListeners('exit');
      await worker.terminate();
    },
  };
}

function hostedGuest(pricer: PricerSpec, host: ThreadHost): ReaderLink {
  const { port, ready } = host.host(guestUrl(import.meta.url, 'event-batch-service'), pricer);
  return {
    post: (request, transfer) => port.postMessage(request, transfer),
    listen(answered, gone) {
      port.on('message', answered);
      // After the listener, which refs the port: like a worker of its own, it does not keep
      // the process alive.
      port.unref();
      port.once('close', () => gone(new Error("the store's thread stopped reading events")));
      ready.catch((error: unknown) =>
        gone(new Error(`the store's thread could not read events: ${String(error)}`)),
      );
    },
    stop() {
      port.removeAllListeners('close');
      port.close();
      return Promise.resolve();
    },
  };
}

/**
 * Reads, validates, prices and lays out event batches on worker threads (about 20 µs an
 * event), so a bulk load keeps every core busy while the main thread only copies the columns
 * of earlier batches into the store. Up to `threads` workers (default: the cores, at most 2)
 * start as reads arrive and do not keep the process alive; a read goes to the least busy. If
 * a worker dies, its reads in flight fail and a later read starts another. `pricer` must
 * describe the pricer the rest of the server uses.
 */
export function createEventBatchReader(
  pricer: PricerSpec,
  threads = Math.min(2, availableParallelism()),
  /**
   * Caps each thread's young generation (V8 grows it to 32 MB under a steady load). A bulk
   * load wants the default; a gateway's spool, one segment a second, does not.
   */
  youngGenerationMb?: number,
  /**
   * Reads on this host's thread (the store's, for the gateway's spool) instead of threads of
   * their own: one JavaScript heap fewer. `threads` and `youngGenerationMb` then do not apply.
   */
  host?: ThreadHost,
): EventBatchReader {
  const running: ReaderThread[] = [];
  let nextId = 0;

  const start = (): ReaderThread => {
    const thread: ReaderThread = {
      link: host ? hostedGuest(pricer, host) : ownWorker(pricer, youngGenerationMb),
      pending: new Map(),
    };
    // A crashed worker fires 'error' then 'exit': the second call must not drop another thread.
    const fail = (error: Error): void => {
      for (const waiting of thread.pending.values()) waiting.reject(error);
      thread.pending.clear();
      const at = running.indexOf(thread);
      if (at < 0) return;
      running.splice(at, 1);
      // Nothing of a failed thread may keep the process alive (a guest's port, say).
      void thread.link.stop();
    };
    thread.link.listen((answer) => settle(thread, answer), fail);
    running.push(thread);
    return thread;
  };

  const settle = (thread: ReaderThread, answer: EventBatchAnswer): void => {
    const waiting = thread.pending.get(answer.id);
    if (!waiting) return;
    thread.pending.delete(answer.id);
    if ('batch' in answer) {
      waiting.resolve({
        batch: unpackColumnBatch(answer.batch),
        refused: answer.refused,
        skipped: answer.skipped,
      });
    } else if ('invalid' in answer) {
      const { what, issues, fix } = answer.invalid;
      waiting.reject(new ValidationError(what, issues, fix));
    } else {
      waiting.reject(new Error(`an event reader thread failed: ${answer.failure}`));
    }
  };

  const leastBusy = (): ReaderThread => {
    const idle = running.find((thread) => thread.pending.size === 0);
    if (idle) return idle;
    if (running.length < (host ? 1 : threads)) return start();
    return running.reduce((best, thread) =>
      thread.pending.size < best.pending.size ? thread : best,
    );
  };

  const send = (
    bytes: Uint8Array,
    options?: ParseOptions,
  ): Promise<PricedColumnBatch & SpoolColumnBatch> => {
    const thread = leastBusy();
    const id = nextId++;
    const request: EventBatchRequest = { id, bytes, ...(options ? { options } : {}) };
    const reading = new Promise<PricedColumnBatch & SpoolColumnBatch>((resolve, reject) => {
      thread.pending.set(id, { resolve, reject });
    });
    // A body that owns its whole buffer (an unzipped one does) is moved, not copied. A spool
    // segment is always copied: it must still be there if the store refuses it and the drain
    // reads it again.
    const owned =
      options !== undefined &&
      bytes.byteOffset === 0 &&
      bytes.byteLength === bytes.buffer.byteLength;
    thread.link.post(request, owned ? [bytes.buffer as ArrayBuffer] : []);
    return reading;
  };

  return {
    read: (bytes, options) => send(bytes, options),
    readSpool: (bytes) => send(bytes),
    async close() {
      const stopping = running.splice(0);
      await Promise.all(
        stopping.map((thread) => {
          // Reads still in flight end with an error rather than never.
          const closed = new Error('the event reader was closed before this body was read');
          for (const waiting of thread.pending.values()) waiting.reject(closed);
          thread.pending.clear();
          return thread.link.stop();
        }),
      );
    },
  };
}
