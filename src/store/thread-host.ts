import type { MessagePort } from 'node:worker_threads';

/**
 * A store that runs on a thread of its own and lends that thread to another job: `host`
 * imports `module` there and calls its `serve(port, data)` (a ThreadGuest), then the two talk
 * over the returned port. One thread doing both jobs spares the process a JavaScript heap: the
 * gateway's spool reader hosted on the store's thread held 6–21 MB less idle, and the one
 * thread's heap peaked at 53 MB under load where the two had at 48 and 49 (docs/gateway.md).
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
