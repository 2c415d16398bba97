import type { ReportedUsage } from '../../domain/token-classes.ts';
import type { ServiceTier } from '../../domain/usage-event.ts';
import { createSseEventSplitter, type SseEvent } from '../sse/sse-event-splitter.ts';
import type { StreamUsageReader } from '../wire-protocol.ts';
import { asJsonObject } from './as-json-object.ts';
import { joinBytes } from './join-bytes.ts';
import { withoutUndefined } from './without-undefined.ts';

/** What a stream has said so far; a protocol's event reader writes into it. */
export interface StreamReadingDraft {
  model?: string;
  reported?: ReportedUsage;
  serviceTier?: ServiceTier;
  errorKind?: string;
  /** Counts generated text (non-strings are ignored); the first non-empty text is the first token. */
  addGeneratedText(text: unknown): void;
}

export interface SseUsageReaderOptions {
  /** Hide from the caller the events `readEvent` says carry nothing but usage. */
  hideUsageFromCaller: boolean;
  /** A data value that marks the end of the stream and is not JSON (so not malformed). */
  endMarker?: string;
  /** Reads one event's JSON object; returns true when the event carries nothing but usage. */
  readEvent(
    data: Record<string, unknown>,
    eventName: string | undefined,
    draft: StreamReadingDraft,
  ): boolean;
}

const EMPTY = new Uint8Array(0);
const BLANK_LINE = new Uint8Array([0x0a, 0x0a]);

/**
 * A stream reader for any server-sent-event protocol whose data lines are JSON. It never
 * changes a byte: when nothing is hidden, push returns the very chunk it was given (the hot
 * path copies nothing); when hiding, it returns whole events only, minus the hidden ones,
 * and holds a partial event back until it completes or the stream ends.
 */
export function createSseUsageReader(options: SseUsageReaderOptions): StreamUsageReader {
  const splitter = createSseEventSplitter();
  let malformed = 0;
  let firstTokenSeen = false;
  let outputCharacters = 0;
  let ended = false;
  let finished = false;
  const draft: StreamReadingDraft = {
    addGeneratedText(text) {
      if (typeof text !== 'string' || text.length === 0) return;
      firstTokenSeen = true;
      outputCharacters += text.length;
    },
  };

  /** Reads one event; returns true when it is to be hidden from the caller. */
  function read(event: SseEvent): boolean {
    if (event.data === options.endMarker) {
      finished = true;
      return false;
    }
    if (event.data.length === 0) return false;
    let data: Record<string, unknown> | undefined;
    try {
      data = asJsonObject(JSON.parse(event.data));
    } catch {
      data = undefined;
    }
    if (data === undefined) {
      malformed += 1;
      return false;
    }
    return options.readEvent(data, event.event, draft) && options.hideUsageFromCaller;
  }

  return {
    push(chunk) {
      const events = splitter.push(chunk);
      if (!options.hideUsageFromCaller) {
        for (const event of events) read(event);
        return chunk;
      }
      const kept: Uint8Array[] = [];
      for (const event of events) if (!read(event)) kept.push(event.raw);
      return joinBytes(kept);
    },
    end() {
      const rest = splitter.rest();
      if (ended || rest.length === 0) return EMPTY;
      ended = true;
      // A stream may stop without the final blank line; its last event still counts.
      const tail = createSseEventSplitter().push(joinBytes([rest, BLANK_LINE]));
      const hidden = tail.map(read).some(Boolean);
      // When nothing is hidden, push already passed these bytes on.
      return options.hideUsageFromCaller && !hidden ? rest : EMPTY;
    },
    get firstTokenSeen() {
      return firstTokenSeen;
    },
    get finished() {
      return finished;
    },
    get malformed() {
      return malformed;
    },
    reading: () =>
      withoutUndefined({
        model: draft.model,
        reported: draft.reported,
        serviceTier: draft.serviceTier,
        errorKind: draft.errorKind,
        outputCharacters,
      }),
  };
}
