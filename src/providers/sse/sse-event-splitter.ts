/** One server-sent event: its `event:` name, its joined `data:` lines, and its bytes. */
export interface SseEvent {
  event?: string;
  data: string;
  /** The event's bytes as received, blank-line terminator included. */
  raw: Uint8Array;
}

const LF = 0x0a;
const CR = 0x0d;

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
  let pending: Uint8Array = new Uint8Array(0);
  const decoder = new TextDecoder();
  return {
    push(chunk) {
      const bytes = pending.length === 0 ? chunk : concat(pending, chunk);
      const events: SseEvent[] = [];
      let start = 0;
      // Scan from where the previous chunk ended, one byte back, so a split terminator is seen.
      let index = Math.max(0, pending.length - 3);
      while (index < bytes.length) {
        const end = eventEnd(bytes, index);
        if (end === -1) break;
        if (end > 0) {
          const raw = bytes.subarray(start, end);
          events.push(parseEvent(decoder.decode(raw), raw));
          start = end;
          index = end;
        } else index += 1;
      }
      pending = bytes.slice(start);
      return events;
    },
    rest: () => pending,
  };
}

/** Returns the offset just past a blank-line terminator at `index`, 0 when none starts there, -1 at the end of data. */
function eventEnd(bytes: Uint8Array, index: number): number {
  if (bytes[index] !== LF) return index + 1 >= bytes.length ? -1 : 0;
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

function parseEvent(text: string, raw: Uint8Array): SseEvent {
  let event: string | undefined;
  const data: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (line.startsWith('data:')) data.push(stripSpace(line.slice(5)));
    else if (line.startsWith('event:')) event = stripSpace(line.slice(6));
  }
  return { ...(event === undefined ? {} : { event }), data: data.join('\n'), raw };
}

function stripSpace(value: string): string {
  return value.startsWith(' ') ? value.slice(1) : value;
}

function concat(left: Uint8Array, right: Uint8Array): Uint8Array {
  const joined = new Uint8Array(left.length + right.length);
  joined.set(left, 0);
  joined.set(right, left.length);
  return joined;
}
