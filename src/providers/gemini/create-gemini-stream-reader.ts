import { createJsonArrayElementSplitter } from '../shared/json-array-element-splitter.ts';
import { createSseEventSplitter, type SseEvent } from '../sse/sse-event-splitter.ts';
import type { StreamUsageReader } from '../wire-protocol.ts';
import { createGeminiResponseTally } from './create-gemini-response-tally.ts';

const NOTHING = new Uint8Array(0);
const BLANK_LINE = new Uint8Array([0x0a, 0x0a]);

/** Cuts a stream into the JSON texts of its responses. */
interface TextSplitter {
  push(chunk: Uint8Array): string[];
  end?(): string[];
}

/**
 * Watches a streamGenerateContent response. With `?alt=sse` it is server-sent events, each
 * `data:` one GenerateContentResponse; without it, one JSON array whose elements arrive as they
 * are generated, so each element is read as soon as it closes. Nothing is ever hidden from the
 * caller: every chunk passes on unchanged.
 */
export function createGeminiStreamReader(options: { contentType: string }): StreamUsageReader {
  const tally = createGeminiResponseTally();
  let malformed = 0;
  const readResponse = (text: string): void => {
    let response: unknown;
    try {
      response = JSON.parse(text);
    } catch {
      malformed += 1;
      return;
    }
    if (!tally.add(response)) malformed += 1;
  };
  const split: TextSplitter = options.contentType.toLowerCase().includes('text/event-stream')
    ? splitServerSentEvents()
    : createJsonArrayElementSplitter();
  return {
    push(chunk) {
      for (const text of split.push(chunk)) readResponse(text);
      return chunk;
    },
    end() {
      for (const text of split.end?.() ?? []) readResponse(text);
      return NOTHING;
    },
    get firstTokenSeen() {
      return tally.firstTokenSeen;
    },
    get malformed() {
      return malformed;
    },
    reading: () => tally.reading(),
  };
}

/** The `data:` of each event; an unterminated last event is still read at the end. */
function splitServerSentEvents(): TextSplitter {
  const splitter = createSseEventSplitter();
  const dataOf = (events: SseEvent[]): string[] =>
    events.map((event) => event.data).filter((data) => data.trim() !== '');
  return {
    push: (chunk) => dataOf(splitter.push(chunk)),
    // A blank line completes whatever the stream left unterminated.
    end: () => (splitter.rest().length === 0 ? [] : dataOf(splitter.push(BLANK_LINE))),
  };
}
