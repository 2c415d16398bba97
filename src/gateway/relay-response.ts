import { once } from 'node:events';
import type { ServerResponse } from 'node:http';
import type { UsageReading, WireProtocol } from '../providers/wire-protocol.ts';
import type { UpstreamResponse } from './send-upstream-request.ts';

export interface RelayOutcome {
  reading: UsageReading;
  /** Milliseconds from the request's arrival to the first generated token (streams). */
  timeToFirstTokenMs?: number;
  /** How the body ended, when it did not end normally. */
  cut?: 'client-gone' | 'upstream-timeout' | 'upstream-gone';
  /** The bytes the caller got, when asked to keep them and they stayed under the limit. */
  captured?: Buffer;
  /**
   * A whole body that was not streamed: not yet sent, so the caller gets it in one write with
   * its length, after the event is spooled.
   */
  body?: Buffer;
  /**
   * A stream's last piece, the one that carried its closing event: not yet sent, so the
   * gateway sends it with the response's end, once the event is spooled, in one write.
   */
  tail?: Uint8Array;
}

/**
 * Passes a stream to the caller as it arrives, through the protocol's reader, which watches
 * for usage (and may hide an event the caller did not ask for); the caller's response is left
 * open, and the gateway ends it once the event is spooled. A body that is not streamed is read
 * whole, for its usage, and returned for the gateway to send then: headers and body in one
 * write with a Content-Length, where relaying each piece as it came took a second write (the
 * chunked end) per call. For the same reason a stream's piece that carries its closing event
 * (OpenAI's [DONE]) is held back for the end; a piece after it sends it first.
 */
export async function relayResponse(options: {
  upstream: UpstreamResponse;
  response: ServerResponse;
  protocol: WireProtocol;
  stream: boolean;
  hideUsageFromCaller: boolean;
  started: number;
  clientGone: () => boolean;
  /** Keep up to this many bytes of what the caller is sent (for the exact cache). */
  captureLimit?: number;
}): Promise<RelayOutcome> {
  const { upstream, response } = options;
  const contentType = String(upstream.headers['content-type'] ?? '');
  const reader = options.stream
    ? options.protocol.createStreamReader({
        hideUsageFromCaller: options.hideUsageFromCaller,
        contentType,
      })
    : undefined;
  const whole: Buffer[] = [];
  const capture =
    options.captureLimit === undefined ? undefined : createCapture(options.captureLimit);
  let timeToFirstTokenMs: number | undefined;
  let cut: RelayOutcome['cut'];
  let tail: Uint8Array | undefined;
  const sendTail = (): void => {
    if (tail && !response.destroyed) response.write(tail);
    tail = undefined;
  };
  try {
    for await (const chunk of upstream.body) {
      if (!reader) {
        whole.push(chunk);
        capture?.keep(chunk);
        continue;
      }
      const out = reader.push(chunk);
      if (timeToFirstTokenMs === undefined && reader.firstTokenSeen) {
        timeToFirstTokenMs = performance.now() - options.started;
      }
      capture?.keep(out);
      if (out.length === 0) continue;
      sendTail();
      if (reader.finished) tail = out;
      else if (!response.write(out)) await drained(response);
    }
    const rest = reader?.end();
    if (rest && rest.length > 0) {
      capture?.keep(rest);
      sendTail();
      response.write(rest);
    }
  } catch (error) {
    cut = options.clientGone()
      ? 'client-gone'
      : isTimeout(error)
        ? 'upstream-timeout'
        : 'upstream-gone';
    // What the caller was due before the cut, as if it had not been held.
    sendTail();
  }
  const captured = cut === undefined ? capture?.bytes() : undefined;
  const kept = captured ? { captured } : {};
  if (reader) {
    return {
      reading: reader.reading(),
      timeToFirstTokenMs,
      cut,
      ...kept,
      ...(tail ? { tail } : {}),
    };
  }
  const body = Buffer.concat(whole);
  return {
    reading: options.protocol.readResponseUsage(parseJson(body), upstream.headers),
    cut,
    ...kept,
    ...(cut === undefined ? { body } : {}),
  };
}

/** Collects bytes until `limit`; past it gives up for good (an answer too large to cache). */
function createCapture(limit: number): {
  keep(bytes: Uint8Array): void;
  bytes(): Buffer | undefined;
} {
  let chunks: Uint8Array[] | undefined = [];
  let size = 0;
  return {
    keep(bytes) {
      if (!chunks || bytes.length === 0) return;
      size += bytes.length;
      if (size > limit) chunks = undefined;
      else chunks.push(bytes);
    },
    // An exact-size buffer of its own: a slice of Node's shared 8 KiB pool would keep the
    // whole slab alive for as long as the cache keeps the answer.
    bytes: () => (chunks ? copyInto(Buffer.allocUnsafeSlow(size), chunks) : undefined),
  };
}

async function drained(response: ServerResponse): Promise<void> {
  // 'close' also settles it: a caller who left must not hold the relay forever.
  await Promise.race([once(response, 'drain'), once(response, 'close')]);
}

function isTimeout(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return code === 'UND_ERR_BODY_TIMEOUT' || code === 'UND_ERR_HEADERS_TIMEOUT';
}

function parseJson(body: Buffer): unknown {
  if (body.length === 0) return undefined;
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    // Not JSON (an HTML error page from a proxy, say): there is no usage to read.
    return undefined;
  }
}

function copyInto(target: Buffer, chunks: readonly Uint8Array[]): Buffer {
  let offset = 0;
  for (const chunk of chunks) {
    target.set(chunk, offset);
    offset += chunk.length;
  }
  return target;
}
