import { EventStreamCodec, type MessageHeaders } from '@smithy/core/event-streams';
import { fromUtf8, toUtf8 } from '@smithy/core/serde';
import type { StreamFormat } from '../stream-format.ts';

/** One event of AWS's binary event stream: its `:event-type` header and its JSON payload. */
export interface BedrockStreamEvent {
  readonly eventType: string;
  readonly payload: unknown;
}

// Encoding keeps no state, so one codec serves every stream.
const codec = new EventStreamCodec(toUtf8, fromUtf8);

/**
 * application/vnd.amazon.eventstream: each event a binary frame (prelude, headers, payload,
 * CRCs). The malformed-line scenario sends a frame of `garbageEventType` whose payload is not
 * JSON, the nearest this framing has to a broken line.
 */
export function createBedrockEventStreamFormat(
  garbageEventType: string,
): StreamFormat<BedrockStreamEvent> {
  return {
    contentType: 'application/vnd.amazon.eventstream',
    encode: (event) => frame(event.eventType, JSON.stringify(event.payload)),
    garbage: frame(garbageEventType, '{garbage'),
  };
}

function frame(eventType: string, payload: string): Uint8Array {
  const headers: MessageHeaders = {
    ':event-type': { type: 'string', value: eventType },
    ':content-type': { type: 'string', value: 'application/json' },
    ':message-type': { type: 'string', value: 'event' },
  };
  return codec.encode({ headers, body: fromUtf8(payload) });
}
