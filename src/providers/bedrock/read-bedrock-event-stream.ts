import { EventStreamCodec } from '@smithy/core/event-streams';
import { fromUtf8, toUtf8 } from '@smithy/core/serde';
import { joinBytes } from '../shared/join-bytes.ts';

/** One message of an AWS event stream (`application/vnd.amazon.eventstream`), decoded. */
export interface BedrockStreamMessage {
  /** `:message-type`: `event`, `exception` (a modelled error) or `error` (a service error). */
  messageType?: string;
  /** `:event-type` of an event: messageStart, contentBlockDelta, metadata, chunk… */
  eventType?: string;
  /** `:exception-type` of an exception (throttlingException…) or `:error-code` of an error. */
  errorType?: string;
  /** The JSON payload, parsed; undefined when empty or not JSON. */
  payload: unknown;
}

/** The reader's side of the framing: messages out of bytes split anywhere. */
export interface BedrockEventStreamReader {
  push(chunk: Uint8Array): BedrockStreamMessage[];
  /** Messages whose checksums, headers or JSON payload could not be read. */
  readonly malformed: number;
}

/** Prelude (total length, headers length, prelude CRC) plus the message CRC. */
const SMALLEST_MESSAGE = 16;
/** AWS caps an event-stream message at 16 MiB; a larger length means the framing is lost. */
const LARGEST_MESSAGE = 16 * 1024 * 1024;

/**
 * Cuts the binary event stream into messages. Each starts with its total length (4 bytes, big
 * endian), so bytes wait until a whole message is present, then the codec checks both CRCs and
 * decodes the headers. A corrupt message is counted and skipped; a length that cannot be
 * right means every later boundary is unknowable, so reading stops (the bytes still pass on).
 */
export function readBedrockEventStream(): BedrockEventStreamReader {
  const codec = new EventStreamCodec(toUtf8, fromUtf8);
  let pending: Uint8Array = new Uint8Array(0);
  let malformed = 0;
  let lost = false;

  const decode = (bytes: Uint8Array): BedrockStreamMessage | undefined => {
    let decoded;
    try {
      decoded = codec.decode(bytes);
    } catch {
      malformed += 1;
      return undefined;
    }
    const header = (name: string): string | undefined => {
      const value = decoded.headers[name];
      return value?.type === 'string' ? value.value : undefined;
    };
    let payload: unknown;
    if (decoded.body.length > 0) {
      try {
        payload = JSON.parse(toUtf8(decoded.body));
      } catch {
        malformed += 1;
      }
    }
    const messageType = header(':message-type');
    const eventType = header(':event-type');
    const errorType = header(':exception-type') ?? header(':error-code');
    return {
      ...(messageType === undefined ? {} : { messageType }),
      ...(eventType === undefined ? {} : { eventType }),
      ...(errorType === undefined ? {} : { errorType }),
      payload,
    };
  };

  return {
    push(chunk) {
      if (lost) return [];
      const bytes = pending.length === 0 ? chunk : joinBytes([pending, chunk]);
      const messages: BedrockStreamMessage[] = [];
      let offset = 0;
      while (bytes.length - offset >= 4) {
        const length = new DataView(bytes.buffer, bytes.byteOffset + offset, 4).getUint32(0);
        if (length < SMALLEST_MESSAGE || length > LARGEST_MESSAGE) {
          lost = true;
          malformed += 1;
          pending = new Uint8Array(0);
          return messages;
        }
        if (bytes.length - offset < length) break;
        const message = decode(bytes.subarray(offset, offset + length));
        if (message) messages.push(message);
        offset += length;
      }
      // A copy: the caller's chunk is forwarded and may be reused once push returns.
      pending = bytes.slice(offset);
      return messages;
    },
    get malformed() {
      return malformed;
    },
  };
}
