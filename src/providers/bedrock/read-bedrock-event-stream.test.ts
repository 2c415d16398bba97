import assert from 'node:assert/strict';
import { test } from 'node:test';
import { EventStreamCodec } from '@smithy/core/event-streams';
import { fromUtf8, toUtf8 } from '@smithy/core/serde';
import { readBedrockEventStream, type BedrockStreamMessage } from './read-bedrock-event-stream.ts';

const codec = new EventStreamCodec(toUtf8, fromUtf8);

function encode(headers: Record<string, string>, body: string): Uint8Array {
  const tagged = Object.fromEntries(
    Object.entries(headers).map(([name, value]) => [name, { type: 'string' as const, value }]),
  );
  return codec.encode({ headers: tagged, body: fromUtf8(body) });
}

function event(eventType: string, payload: unknown): Uint8Array {
  return encode(
    { ':event-type': eventType, ':content-type': 'application/json', ':message-type': 'event' },
    JSON.stringify(payload),
  );
}

function join(...parts: Uint8Array[]): Uint8Array {
  return Uint8Array.from(parts.flatMap((part) => [...part]));
}

function readAll(bytes: Uint8Array, size: number): BedrockStreamMessage[] {
  const reader = readBedrockEventStream();
  const messages: BedrockStreamMessage[] = [];
  for (let offset = 0; offset < bytes.length; offset += size) {
    messages.push(...reader.push(bytes.subarray(offset, offset + size)));
  }
  return messages;
}

const stream = join(
  event('messageStart', { role: 'assistant', p: 'abc' }),
  event('contentBlockDelta', { contentBlockIndex: 0, delta: { text: 'Hé 🚀' } }),
  encode(
    {
      ':exception-type': 'throttlingException',
      ':content-type': 'application/json',
      ':message-type': 'exception',
    },
    '{"message":"Too many tokens, please wait before trying again."}',
  ),
);

test('decodes whole messages whatever the chunking', () => {
  for (const size of [1, 7, stream.length]) {
    assert.deepEqual(
      readAll(stream, size),
      [
        {
          messageType: 'event',
          eventType: 'messageStart',
          payload: { role: 'assistant', p: 'abc' },
        },
        {
          messageType: 'event',
          eventType: 'contentBlockDelta',
          payload: { contentBlockIndex: 0, delta: { text: 'Hé 🚀' } },
        },
        {
          messageType: 'exception',
          errorType: 'throttlingException',
          payload: { message: 'Too many tokens, please wait before trying again.' },
        },
      ],
      `chunk size ${size}`,
    );
  }
});

test('a message whose checksum fails is counted and skipped; the next still reads', () => {
  const broken = event('contentBlockDelta', { delta: { text: 'x' } });
  const payloadByte = broken.length - 6; // the message CRC no longer matches
  broken[payloadByte] = (broken[payloadByte] ?? 0) ^ 0xff;
  const reader = readBedrockEventStream();
  const messages = reader.push(join(broken, event('messageStop', { stopReason: 'end_turn' })));
  assert.equal(reader.malformed, 1);
  assert.deepEqual(
    messages.map((message) => message.eventType),
    ['messageStop'],
  );
});

test('a payload that is not JSON is counted; the message still arrives', () => {
  const reader = readBedrockEventStream();
  const messages = reader.push(
    encode({ ':event-type': 'chunk', ':message-type': 'event' }, 'not json'),
  );
  assert.equal(reader.malformed, 1);
  assert.deepEqual(messages, [{ messageType: 'event', eventType: 'chunk', payload: undefined }]);
});

test('an impossible length loses the framing: reading stops, nothing throws', () => {
  const reader = readBedrockEventStream();
  assert.deepEqual(reader.push(new TextEncoder().encode('<html>502 Bad Gateway</html>')), []);
  assert.equal(reader.malformed, 1);
  assert.deepEqual(reader.push(event('messageStart', {})), [], 'nothing after the loss');
  assert.equal(reader.malformed, 1);
});

test('a service error message carries its :error-code', () => {
  const reader = readBedrockEventStream();
  const [message] = reader.push(
    encode(
      { ':message-type': 'error', ':error-code': 'InternalFailure', ':error-message': 'x' },
      '',
    ),
  );
  assert.deepEqual(message, {
    messageType: 'error',
    errorType: 'InternalFailure',
    payload: undefined,
  });
});
