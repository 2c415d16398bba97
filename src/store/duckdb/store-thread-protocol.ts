import type { MessagePort } from 'node:worker_threads';
import * as errors from '../../domain/errors/index.ts';
import type { PackedColumnBatch } from '../packed-column-batch.ts';
import type { Store } from '../store.ts';
import type { DuckDbWorkload } from './open-duckdb.ts';

/** What the store's thread is started with. */
export interface StoreThreadData {
  path: string;
  workload: DuckDbWorkload;
}

/** The Store methods that take a column batch first: it crosses packed. */
export const BATCH_METHODS = new Set<keyof Store>(['appendColumns', 'appendNewColumns']);

/** The Store methods that return an AsyncIterable: read through `iterate` and `next`. */
export type IteratedMethod = 'eventsBetween' | 'callsBetween' | 'usageGroups';

/** From the main thread to the store's thread. */
export type ToStoreThread =
  /** A Store method; `args[0]` is packed for BATCH_METHODS. */
  | { type: 'call'; id: number; method: keyof Store; args: unknown[] }
  /** appendNewStream, its batches pulled from the main thread as `stream` asks for them. */
  | { type: 'append-stream'; id: number; stream: number }
  /** Starts an iterated method's iterator under the number `iterator`; nothing is answered. */
  | { type: 'iterate'; iterator: number; method: IteratedMethod; args: unknown[] }
  | { type: 'next'; id: number; iterator: number }
  | { type: 'return'; id: number; iterator: number }
  /** The next batch of a stream, or its end, or why its source failed. */
  | { type: 'push'; stream: number; batch?: PackedColumnBatch; error?: SentError }
  /** A ThreadGuest: `module` imported and served on `port`; answered once it is (or failed). */
  | { type: 'host'; id: number; module: string; data: unknown; port: MessagePort };

/** From the store's thread to the main thread. */
export type FromStoreThread =
  | { type: 'ready' }
  | { type: 'open-failed'; error: SentError }
  | { type: 'result'; id: number; value: unknown }
  | { type: 'error'; id: number; error: SentError }
  /** Asks for the next batch of a stream; `stop`: the store gave up on it. */
  | { type: 'pull'; stream: number; stop?: boolean };

/** An error as it crosses threads: its class by name, and its own fields. */
export interface SentError {
  name: string;
  message: string;
  stack?: string;
  fields: Record<string, unknown>;
}

/** tokenops' error classes by name: everything the errors module exports is one. */
const ERROR_CLASSES = new Map<string, { prototype: object }>(Object.entries(errors));

export function sendableError(error: unknown): SentError {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error), fields: {} };
  return {
    name: error.name,
    message: error.message,
    ...(error.stack === undefined ? {} : { stack: error.stack }),
    fields: { ...error },
  };
}

/**
 * The error again, of its own class when it is one of tokenops' (the server answers each with
 * its own status, message and fix); otherwise an Error with the same name and message.
 */
export function receivedError(sent: SentError): Error {
  const known = ERROR_CLASSES.get(sent.name);
  const error: Error = known
    ? (Object.create(known.prototype) as Error)
    : Object.assign(new Error(sent.message), { name: sent.name });
  return Object.assign(error, sent.fields, {
    message: sent.message,
    ...(sent.stack === undefined ? {} : { stack: sent.stack }),
  });
}
