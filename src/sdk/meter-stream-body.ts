import type { StreamUsageReader, UsageReading } from '../providers/wire-protocol.ts';

export interface StreamEnd {
  reading: UsageReading;
  timeToFirstTokenMs?: number;
  /** The caller cancelled the stream, or the provider's side broke off. */
  cut?: 'client-gone' | 'upstream-gone';
}

/**
 * The response body the caller reads: the provider's bytes through the protocol's reader
 * (which may hide the usage event the caller did not ask for), reporting once how it ended.
 */
export function meterStreamBody(
  body: ReadableStream<Uint8Array>,
  reader: StreamUsageReader,
  started: number,
  onEnd: (end: StreamEnd) => void,
): ReadableStream<Uint8Array> {
  const source = body.getReader();
  let timeToFirstTokenMs: number | undefined;
  let ended = false;
  const finish = (cut?: StreamEnd['cut']): void => {
    if (ended) return;
    ended = true;
    onEnd({
      reading: reader.reading(),
      ...(timeToFirstTokenMs === undefined ? {} : { timeToFirstTokenMs }),
      ...(cut ? { cut } : {}),
    });
  };
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      // A chunk may be all hidden bytes; keep reading until something reaches the caller.
      for (;;) {
        let next: Awaited<ReturnType<typeof source.read>>;
        try {
          next = await source.read();
        } catch (error) {
          finish('upstream-gone');
          controller.error(error);
          return;
        }
        if (next.done) {
          const rest = reader.end();
          if (rest.length > 0) controller.enqueue(rest);
          controller.close();
          finish();
          return;
        }
        const out = reader.push(next.value);
        if (timeToFirstTokenMs === undefined && reader.firstTokenSeen) {
          timeToFirstTokenMs = performance.now() - started;
        }
        if (out.length > 0) {
          controller.enqueue(out);
          return;
        }
      }
    },
    async cancel(reason) {
      finish('client-gone');
      await source.cancel(reason);
    },
  });
}
