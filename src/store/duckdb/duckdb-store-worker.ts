import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import type { ColumnBatch } from '../column-batch.ts';
import { unpackColumnBatch, type PackedColumnBatch } from '../packed-column-batch.ts';
import type { Store } from '../store.ts';
import type { ThreadGuest } from '../thread-host.ts';
import { DuckDbStore } from './duckdb-store.ts';
import {
  BATCH_METHODS,
  receivedError,
  sendableError,
  type FromStoreThread,
  type StoreThreadData,
  type ToStoreThread,
} from './store-thread-protocol.ts';

/**
 * The DuckDB store on a thread of its own (DuckDbThreadStore starts it): every statement, the
 * appender's synchronous flush included, runs here, not on the thread that answers callers.
 */
if (!parentPort) throw new Error('duckdb-store-worker.ts runs only as a worker thread');
const port = parentPort;
const send = (message: FromStoreThread): void => port.postMessage(message);

const { path, workload } = workerData as StoreThreadData;
const iterators = new Map<number, AsyncIterator<unknown>>();
/** The next batch each stream waits for, by stream number. */
const awaitingPush = new Map<number, (message: Extract<ToStoreThread, { type: 'push' }>) => void>();
/** The ports of the guests this thread serves (ThreadHost): closed with the store. */
const guests = new Set<MessagePort>();

// A file that cannot be opened is the main thread's error to throw; with the port closed,
// nothing keeps this thread alive and it ends.
const store = await DuckDbStore.open(path, workload).catch((error: unknown) => {
  send({ type: 'open-failed', error: sendableError(error) });
  port.close();
  return undefined;
});
if (store) {
  send({ type: 'ready' });
  port.on('message', receive);
}

function receive(message: ToStoreThread): void {
  switch (message.type) {
    case 'call':
      // After close, the last answer: the port closes once it is sent, and the thread ends.
      answer(
        message.id,
        () => call(message.method, message.args),
        message.method === 'close' ? closeAll : undefined,
      );
      break;
    case 'append-stream':
      answer(message.id, () => Promise.resolve(methods().appendNewStream!(pulled(message.stream))));
      break;
    case 'iterate':
      iterators.set(message.iterator, iteratorOf(message.method, message.args));
      break;
    case 'next':
      answer(message.id, async () => {
        const iterator = iterators.get(message.iterator);
        const step = iterator ? await iterator.next() : { done: true, value: undefined };
        if (step.done) iterators.delete(message.iterator);
        return step;
      });
      break;
    case 'return':
      answer(message.id, async () => {
        const iterator = iterators.get(message.iterator);
        iterators.delete(message.iterator);
        await iterator?.return?.();
      });
      break;
    case 'push':
      awaitingPush.get(message.stream)?.(message);
      break;
    case 'host':
      answer(message.id, () => serveGuest(message.module, message.data, message.port));
      break;
  }
}

async function serveGuest(module: string, data: unknown, guestPort: MessagePort): Promise<void> {
  guests.add(guestPort);
  guestPort.once('close', () => guests.delete(guestPort));
  try {
    const guest = (await import(module)) as ThreadGuest;
    guest.serve(guestPort, data);
  } catch (error) {
    guestPort.close();
    throw error;
  }
}

/** After the store's close: nothing may keep the thread alive, a guest's port included. */
function closeAll(): void {
  for (const guestPort of guests) guestPort.close();
  port.close();
}

function call(method: keyof Store, args: unknown[]): Promise<unknown> {
  const [first, ...rest] = args;
  const given = BATCH_METHODS.has(method)
    ? [unpackColumnBatch(first as PackedColumnBatch), ...rest]
    : args;
  return Promise.resolve(methods()[method]!(...given));
}

/** The store's methods by name, called on the store. */
function methods(): Record<string, (...values: unknown[]) => unknown> {
  return store as unknown as Record<string, (...values: unknown[]) => unknown>;
}

/** The method's iterator; one that fails at its first step if the method threw at once. */
function iteratorOf(method: string, args: unknown[]): AsyncIterator<unknown> {
  try {
    return (methods()[method]!(...args) as AsyncIterable<unknown>)[Symbol.asyncIterator]();
  } catch (error) {
    const failure = error instanceof Error ? error : new Error(String(error));
    return { next: () => Promise.reject(failure) };
  }
}

/** Runs `work` and sends its answer; a throw, even before its promise, is answered too. */
function answer(id: number, work: () => Promise<unknown>, after?: () => void): void {
  void Promise.resolve()
    .then(work)
    .then(
      (value) => send({ type: 'result', id, value }),
      (error: unknown) => send({ type: 'error', id, error: sendableError(error) }),
    )
    .finally(after);
}

/** A stream's batches, each asked of the main thread when the store wants it. */
async function* pulled(stream: number): AsyncGenerator<ColumnBatch> {
  let ended = false;
  try {
    for (;;) {
      const pushed = await new Promise<Extract<ToStoreThread, { type: 'push' }>>((resolve) => {
        awaitingPush.set(stream, resolve);
        send({ type: 'pull', stream });
      });
      if (pushed.error) throw receivedError(pushed.error);
      if (!pushed.batch) {
        ended = true;
        return;
      }
      yield unpackColumnBatch(pushed.batch);
    }
  } finally {
    awaitingPush.delete(stream);
    // The store stopped early (a failed commit): the main thread stops the source too.
    if (!ended) send({ type: 'pull', stream, stop: true });
  }
}
