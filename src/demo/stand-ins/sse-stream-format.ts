import type { StreamFormat } from './stream-format.ts';

/** One server-sent event; `data` is already serialised (JSON, or a sentinel like `[DONE]`). */
export interface SseEvent {
  readonly event?: string;
  readonly data: string;
}

/**
 * Server-sent events separated by `lineEnd`: most providers use `\n`, Gemini `\r\n`, and a
 * parser must take both, so each stand-in speaks its provider's own.
 */
export function createSseStreamFormat(lineEnd: '\n' | '\r\n'): StreamFormat<SseEvent> {
  return {
    contentType: 'text/event-stream; charset=utf-8',
    encode: (event) =>
      (event.event === undefined ? '' : `event: ${event.event}${lineEnd}`) +
      `data: ${event.data}${lineEnd}${lineEnd}`,
    garbage: `data: {garbage${lineEnd}${lineEnd}`,
  };
}
