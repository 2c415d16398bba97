import type { StreamUsageReader, UsageReading } from '../wire-protocol.ts';
import { bedrockErrorKind } from './bedrock-error-kind.ts';
import { readBedrockErrorBody } from './read-bedrock-error-body.ts';
import { readBedrockEventStream } from './read-bedrock-event-stream.ts';

/** What one Bedrock stream operation makes of its events (the framing and errors are shared). */
export interface BedrockEventInterpreter {
  /** Reads an event's payload; false when it could not be understood (counted as malformed). */
  readEvent(eventType: string | undefined, payload: unknown): boolean;
  readonly firstTokenSeen: boolean;
  reading(): UsageReading;
}

const EVENT_STREAM = 'application/vnd.amazon.eventstream';
/** An error body is a few hundred bytes; a stream answered with JSON is read up to this much. */
const LARGEST_ERROR_BODY = 64 * 1024;
const NOTHING = new Uint8Array(0);

/**
 * Watches a Bedrock streaming response. A stream that failed before it began comes back as a
 * JSON error body instead of an event stream, so any other content type is read as one. An
 * exception message mid-stream (`:message-type` exception) ends the call with its kind.
 * Nothing is ever hidden from the caller: every chunk passes on unchanged.
 */
export function createBedrockStreamReader(
  contentType: string,
  interpreter: BedrockEventInterpreter,
): StreamUsageReader {
  if (!contentType.toLowerCase().includes(EVENT_STREAM)) return createErrorBodyReader(interpreter);
  const events = readBedrockEventStream();
  let errorKind: string | undefined;
  let misunderstood = 0;
  return {
    push(chunk) {
      for (const message of events.push(chunk)) {
        if (message.messageType === 'event') {
          if (!interpreter.readEvent(message.eventType, message.payload)) misunderstood += 1;
        } else errorKind = bedrockErrorKind(message.errorType) ?? 'unknown';
      }
      return chunk;
    },
    end: () => NOTHING,
    get firstTokenSeen() {
      return interpreter.firstTokenSeen;
    },
    get malformed() {
      return events.malformed + misunderstood;
    },
    reading() {
      const reading = interpreter.reading();
      return errorKind === undefined ? reading : { ...reading, errorKind };
    },
  };
}

/** A JSON error body where a stream was expected; the gateway has the HTTP status besides. */
function createErrorBodyReader(interpreter: BedrockEventInterpreter): StreamUsageReader {
  const decoder = new TextDecoder();
  let text = '';
  let malformed = 0;
  const parsed = (): unknown => {
    try {
      return JSON.parse(text);
    } catch {
      return undefined;
    }
  };
  return {
    push(chunk) {
      if (text.length < LARGEST_ERROR_BODY) text += decoder.decode(chunk, { stream: true });
      return chunk;
    },
    end() {
      if (text.trim() !== '' && parsed() === undefined) malformed += 1;
      return NOTHING;
    },
    get firstTokenSeen() {
      return false;
    },
    get malformed() {
      return malformed;
    },
    reading() {
      const errorKind = readBedrockErrorBody(parsed(), {});
      const reading = interpreter.reading();
      return errorKind === undefined ? reading : { ...reading, errorKind };
    },
  };
}
