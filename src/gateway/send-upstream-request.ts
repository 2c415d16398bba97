import type { Dispatcher } from 'undici';
import type { UpstreamSignal } from './caller-abort.ts';

/** An upstream's answer: status and headers once they arrive, then its body as it comes. */
export interface UpstreamResponse {
  statusCode: number;
  headers: Record<string, string | string[] | undefined>;
  /** Read once. Leaving the loop early aborts the request, so its connection is not kept busy. */
  body: AsyncIterable<Buffer>;
}

/** Past this many unread bytes the upstream socket is paused until the reader catches up. */
const HIGH_WATER_BYTES = 64 * 1024;

/**
 * Sends one request through the dispatcher's handler interface and resolves once the answer's
 * headers are in; rejects, as undici's `request` does, with undici's error (its `code` says
 * which: a headers timeout, a refused connection) or the abort's. The body is a plain queue
 * read by `for await`: `request` wraps it in a Readable stream read by its async iterator, and
 * the saturated gateway spent 15–17 µs of CPU a call more that way (docs/gateway.md).
 */
export function sendUpstreamRequest(
  dispatcher: Dispatcher,
  options: Dispatcher.DispatchOptions,
  signal: UpstreamSignal,
): Promise<UpstreamResponse> {
  return new Promise((resolve, reject) => {
    let body: UpstreamBody | undefined;
    let controller: Dispatcher.DispatchController | undefined;
    const abort = (): void => controller?.abort(abortError());
    const stopListening = listenForAbort(signal, abort);
    const fail = (error: Error): void => {
      stopListening();
      if (body) body.fail(error);
      else reject(error);
    };
    dispatcher.dispatch(options, {
      onRequestStart(started) {
        controller = started;
        if (signal.aborted) abort();
      },
      onResponseStart(started, statusCode, headers) {
        // 1xx answers (100 Continue) come before the real one and carry no body.
        if (statusCode < 200) return;
        body = new UpstreamBody(started);
        resolve({ statusCode, headers, body });
      },
      onResponseData(_controller, chunk) {
        body?.push(chunk);
      },
      onResponseEnd() {
        stopListening();
        body?.end();
      },
      onResponseError(_controller, error) {
        fail(error);
      },
    });
  });
}

function abortError(): Error {
  return Object.assign(new Error('the caller went away'), { code: 'UND_ERR_ABORTED' });
}

/** Calls `abort` when the signal fires; returns how to stop listening. */
function listenForAbort(signal: UpstreamSignal, abort: () => void): () => void {
  if (signal.aborted) return () => undefined;
  if ('once' in signal) {
    signal.once('abort', abort);
    return () => signal.off('abort', abort);
  }
  signal.addEventListener('abort', abort, { once: true });
  return () => signal.removeEventListener('abort', abort);
}

/**
 * The chunks received and not yet read, and a reader waiting for them, if any. A waiting
 * reader is answered in a microtask, once undici has handed over everything from the socket
 * read at hand: undici gives each chunk of a chunked body on its own (a stream's every event,
 * often all in one read), and a reader that took them one by one would relay each in a write
 * of its own.
 */
class UpstreamBody implements AsyncIterableIterator<Buffer> {
  readonly #controller: Dispatcher.DispatchController;
  readonly #queue: Buffer[] = [];
  #queuedBytes = 0;
  #ended = false;
  #error: Error | undefined;
  #answering = false;
  #waiting:
    | { resolve: (result: IteratorResult<Buffer>) => void; reject: (error: Error) => void }
    | undefined;

  constructor(controller: Dispatcher.DispatchController) {
    this.#controller = controller;
  }

  push(chunk: Buffer): void {
    this.#queue.push(chunk);
    this.#queuedBytes += chunk.length;
    if (this.#queuedBytes > HIGH_WATER_BYTES) this.#controller.pause();
    this.#answerSoon();
  }

  end(): void {
    this.#ended = true;
    this.#answerSoon();
  }

  fail(error: Error): void {
    this.#error = error;
    this.#answerSoon();
  }

  next(): Promise<IteratorResult<Buffer>> {
    if (this.#queue.length > 0) return Promise.resolve({ value: this.#take(), done: false });
    // What arrived before an error is read first, as a stream cut short relays what it had.
    if (this.#error) return Promise.reject(this.#error);
    if (this.#ended) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve, reject) => {
      this.#waiting = { resolve, reject };
    });
  }

  return(): Promise<IteratorResult<Buffer>> {
    if (!this.#ended && !this.#error) this.#controller.abort(new Error('body left unread'));
    this.#queue.length = 0;
    this.#queuedBytes = 0;
    return Promise.resolve({ value: undefined, done: true });
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<Buffer> {
    return this;
  }

  #answerSoon(): void {
    if (!this.#waiting || this.#answering) return;
    this.#answering = true;
    queueMicrotask(() => {
      this.#answering = false;
      const waiting = this.#waiting;
      if (!waiting) return;
      this.#waiting = undefined;
      if (this.#queue.length > 0) waiting.resolve({ value: this.#take(), done: false });
      else if (this.#error) waiting.reject(this.#error);
      else waiting.resolve({ value: undefined, done: true });
    });
  }

  /** Everything queued, in one piece. */
  #take(): Buffer {
    const queue = this.#queue;
    const chunk = queue.length === 1 ? queue[0]! : Buffer.concat(queue, this.#queuedBytes);
    queue.length = 0;
    this.#queuedBytes = 0;
    if (this.#controller.paused) this.#controller.resume();
    return chunk;
  }
}
