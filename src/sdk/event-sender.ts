import { toUsageEventInput } from '../domain/to-usage-event-input.ts';
import type { UsageEvent } from '../domain/usage-event.ts';

export interface EventSenderOptions {
  /** The tokenops server, e.g. http://localhost:4000; events go to POST /api/v1/events. */
  url: string;
  /** The admin token when the server sets auth.adminTokenEnv. */
  token?: string;
  /** Events per request (default 100). */
  batchSize?: number;
  /** A partial batch is sent after this long (default 1000 ms). */
  flushIntervalMs?: number;
  /** Events held while the server is unreachable; beyond it the oldest are dropped (default 10,000). */
  maxQueue?: number;
  /** Tries per batch for retryable failures (network, 429, 5xx) before it is dropped (default 5). */
  maxAttempts?: number;
  /** First retry delay; each retry doubles it, with jitter (default 250 ms). */
  retryDelayMs?: number;
  /** Per request (default 10,000 ms). */
  timeoutMs?: number;
  /** Told of every failure; the SDK never throws them at the caller's model calls. */
  onError?: (error: Error) => void;
}

export interface SenderStats {
  queued: number;
  sent: number;
  dropped: number;
  refused: number;
}

export interface EventSender {
  /** Queues an event; never throws, never waits. */
  enqueue(event: UsageEvent): void;
  /** Sends everything queued; resolves when the queue is empty or a batch had to be given up. */
  flush(): Promise<void>;
  /** Stops the timer and flushes. */
  close(): Promise<void>;
  stats(): SenderStats;
}

interface Batch {
  events: UsageEvent[];
  attempts: number;
}

type SendResult = 'sent' | 'retry' | 'give-up';

/**
 * Batches events to the events API in the background: a bounded queue (oldest dropped when
 * full), one request in flight, retries with exponential backoff for network errors, 429 and
 * 5xx, and every problem reported through onError rather than thrown.
 */
export function createEventSender(options: EventSenderOptions): EventSender {
  const endpoint = new URL('/api/v1/events', options.url).href;
  const batchSize = options.batchSize ?? 100;
  const maxQueue = options.maxQueue ?? 10_000;
  const maxAttempts = options.maxAttempts ?? 5;
  const retryDelayMs = options.retryDelayMs ?? 250;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const report = options.onError ?? (() => undefined);
  // Captured now: a caller that later wraps the global fetch must not meter tokenops itself.
  const send = globalThis.fetch.bind(globalThis);
  const queue: UsageEvent[] = [];
  const totals = { sent: 0, dropped: 0, refused: 0 };
  let retrying: Batch | undefined;
  let running: Promise<void> | undefined;
  let timer: NodeJS.Timeout | undefined = setInterval(
    () => void drain(),
    options.flushIntervalMs ?? 1000,
  );
  timer.unref();

  function drop(count: number, reason: string): void {
    totals.dropped += count;
    report(new Error(`tokenops: dropped ${count} event(s): ${reason}`));
  }

  async function post(batch: Batch): Promise<SendResult> {
    const body = batch.events.map((event) => JSON.stringify(toUsageEventInput(event))).join('\n');
    let response: Response;
    try {
      response = await send(endpoint, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-ndjson',
          ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        },
        body,
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      report(new Error(`tokenops: could not reach ${endpoint}: ${String(error)}`));
      return 'retry';
    }
    const text = await response.text().catch(() => '');
    if (response.ok) {
      totals.sent += batch.events.length;
      reportRefused(text);
      return 'sent';
    }
    if (response.status === 429 || response.status >= 500) {
      report(new Error(`tokenops: ${endpoint} answered ${response.status}; will retry`));
      return 'retry';
    }
    totals.refused += batch.events.length;
    report(new Error(`tokenops: ${endpoint} refused a batch (${response.status}): ${text}`));
    return 'give-up';
  }

  function reportRefused(text: string): void {
    let refused: unknown[];
    try {
      refused = (JSON.parse(text) as { refused?: unknown[] }).refused ?? [];
    } catch {
      // An answer that is not JSON still meant success (2xx); there is nothing to list.
      return;
    }
    if (refused.length === 0) return;
    totals.refused += refused.length;
    report(
      new Error(
        `tokenops: the server refused ${refused.length} event(s): ${JSON.stringify(refused)}`,
      ),
    );
  }

  /** Sends batches until the queue is empty or a retryable failure says to wait. */
  async function sendAll(): Promise<void> {
    for (;;) {
      const batch = retrying ?? nextBatch();
      if (!batch) return;
      retrying = undefined;
      batch.attempts += 1;
      const result = await post(batch);
      if (result !== 'retry') continue;
      if (batch.attempts >= maxAttempts) {
        drop(batch.events.length, `${maxAttempts} attempts failed`);
        continue;
      }
      retrying = batch;
      const delay = retryDelayMs * 2 ** (batch.attempts - 1) * (0.5 + Math.random());
      await new Promise((resolve) => setTimeout(resolve, delay).unref());
    }
  }

  function nextBatch(): Batch | undefined {
    if (queue.length === 0) return undefined;
    return { events: queue.splice(0, batchSize), attempts: 0 };
  }

  function drain(): Promise<void> {
    running ??= sendAll().finally(() => {
      running = undefined;
    });
    return running;
  }

  return {
    enqueue(event) {
      queue.push(event);
      if (queue.length > maxQueue) {
        drop(queue.length - maxQueue, `more than ${maxQueue} waiting (maxQueue)`);
        queue.splice(0, queue.length - maxQueue);
      }
      if (queue.length >= batchSize) void drain();
    },
    async flush() {
      while (queue.length > 0 || retrying || running) await drain();
    },
    async close() {
      if (timer) clearInterval(timer);
      timer = undefined;
      await this.flush();
    },
    stats: () => ({ queued: queue.length + (retrying?.events.length ?? 0), ...totals }),
  };
}
