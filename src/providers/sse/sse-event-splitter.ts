import { joinBytes } from '../shared/join-bytes.ts';

/** One server-sent event: its `event:` name, its joined `data:` lines, and its bytes. */
export interface SseEvent {
  event?: string;
  data: string;
  /** The event's bytes as received, blank-line terminator included. */
  raw: Uint8Array;
}

const LF = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;

/**
 * Splits a byte stream into server-sent events, whatever the chunking: an event ends at a
 * blank line (LF LF, or CR LF CR LF). Bytes after the last complete event wait for the next
 * chunk. Comment lines (`:`) and `id:`/`retry:` fields are kept in `raw` and ignored.
 */
export function createSseEventSplitter(): {
  push(chunk: Uint8Array): SseEvent[];
  /** Bytes of an unterminated last event, if the stream ends without a blank line. */
  rest(): Uint8Array;
} {
  // The unfinished event's chunks, joined only once one may end: an event that comes in many
  // chunks (a base64 image, a whole response) is copied once, not once per chunk.
  let pending: Uint8Array[] = [];
  let pendingLength = 0;
  return {
    push(chunk) {
      // A terminator ends with a line feed: without one, no event can end in this chunk.
      if (pendingLength > 0 && chunk.indexOf(LF) === -1) {
        // A copy, as below: the caller forwards its chunk and may reuse it once push returns.
        pending.push(chunk.slice());
        pendingLength += chunk.length;
        return [];
      }
      const bytes = pendingLength === 0 ? chunk : joinBytes([...pending, chunk]);
      const ends: number[] = [];
      // Scan from where the previous chunk ended, a few bytes back, so a split terminator is
      // seen; only a line feed starts one, and indexOf finds those natively.
      let index = Math.max(0, pendingLength - 3);
      for (let lf = bytes.indexOf(LF, index); lf !== -1; lf = bytes.indexOf(LF, index)) {
        const end = eventEnd(bytes, lf);
        if (end === -1) break;
        if (end > 0) ends.push(end);
        index = end > 0 ? end : lf + 1;
      }
      const start = ends.length > 0 ? ends[ends.length - 1]! : 0;
      pending = start < bytes.length ? [bytes.slice(start)] : [];
      pendingLength = bytes.length - start;
      return ends.length > 0 ? eventsOf(bytes, ends) : [];
    },
    rest: () => joinBytes(pending),
  };
}

const decoder = new TextDecoder();

/**
 * The events ending at `ends`. Their bytes are decoded in one call, not one per event: when
 * the text has as many characters as bytes, every byte was one character (ASCII, the usual
 * case), so the events' text sits at their byte offsets; otherwise each is decoded alone.
 */
function eventsOf(bytes: Uint8Array, ends: readonly number[]): SseEvent[] {
  const length = ends[ends.length - 1]!;
  const text = decoder.decode(bytes.subarray(0, length));
  const aligned = text.length === length;
  const events: SseEvent[] = [];
  let start = 0;
  for (const end of ends) {
    const raw = bytes.subarray(start, end);
    events.push(parseEvent(aligned ? text.slice(start, end) : decoder.decode(raw), raw));
    start = end;
  }
  return events;
}

/**
 * For the line feed at `index`: the offset just past the blank-line terminator it starts, 0
 * when it starts none, -1 when the data ends before that can be told.
 */
function eventEnd(bytes: Uint8Array, index: number): number {
  const next = bytes[index + 1];
  if (next === undefined) return -1;
  if (next === LF) return index + 2;
  if (next === CR) {
    const after = bytes[index + 2];
    if (after === undefined) return -1;
    if (after === LF) return index + 3;
  }
  return 0;
}

/** Reads the `event:` and `data:` fields line by line, slicing out only their values. */
function parseEvent(text: string, raw: Uint8Array): SseEvent {
  let event: string | undefined;
  let data: string | undefined;
  for (let lineStart = 0; lineStart < text.length;) {
    const newline = text.indexOf('\n', lineStart);
    const next = newline === -1 ? text.length : newline;
    const lineEnd = next > lineStart && text.charCodeAt(next - 1) === CR ? next - 1 : next;
    if (text.startsWith('data:', lineStart)) {
      const value = fieldValue(text, lineStart + 5, lineEnd);
      data = data === undefined ? value : `${data}\n${value}`;
    } else if (text.startsWith('event:', lineStart)) {
      event = fieldValue(text, lineStart + 6, lineEnd);
    }
    lineStart = next + 1;
  }
  return { ...(event === undefined ? {} : { event }), data: data ?? '', raw };
}

/** A field's value: the rest of its line, less one leading space. */
function fieldValue(text: string, start: number, end: number): string {
  return text.slice(start < end && text.charCodeAt(start) === SPACE ? start + 1 : start, end);
}
