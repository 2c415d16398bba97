import type { MessagePort } from 'node:worker_threads';

/**
 * A store that runs on a thread of its own and lends that thread to another job: `host`
 * imports `module` there and calls its `serve(port, data)` (a ThreadGuest), then the two talk
 * over the returned port. One thread doing both jobs spares the process a JavaScript heap of
 * its own: the gateway's spool reader hosted on the store's thread cut its peak memory under
 * load by about 60 MB (docs/gateway.md).
 */
export interface ThreadHost {
  host(module: URL, data: unknown): HostedGuest;
}

export interface HostedGuest {
  /** The guest's end is on the host's thread; messages posted before it listens wait for it. */
  port: MessagePort;
  /** Resolves once `serve` ran; rejects with why the module could not be loaded or served. */
  ready: Promise<void>;
}

/** What a hosted module exports. */
export interface ThreadGuest {
  serve(port: MessagePort, data: unknown): void;
}

export function isThreadHost(value: object): value is ThreadHost {
  return typeof (value as Partial<ThreadHost>).host === 'function';
}
