import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { EventStreamCodec } from '@smithy/core/event-streams';
import { fromUtf8, toUtf8 } from '@smithy/core/serde';
import { feedStreamReader } from '../shared/feed-stream-reader.ts';
import type { StreamUsageReader } from '../wire-protocol.ts';
import { createBedrockInvokeStreamReader } from './create-bedrock-invoke-stream-reader.ts';

const EVENT_STREAM = 'application/vnd.amazon.eventstream';
const codec = new EventStreamCodec(toUtf8, fromUtf8);

/** A `chunk` event as Bedrock sends it: the native event, base64 in `bytes`, plus padding. */
function chunk(nativeEvent: unknown): Uint8Array {
  const bytes = Buffer.from(JSON.stringify(nativeEvent)).toString('base64');
  return encode('chunk', { bytes, p: 'abcdefghij' });
}

function encode(eventType: string, payload: unknown): Uint8Array {
  return codec.encode({
    headers: {
      ':event-type': { type: 'string', value: eventType },
      ':content-type': { type: 'string', value: 'application/json' },
      ':message-type': { type: 'string', value: 'event' },
    },
    body: fromUtf8(JSON.stringify(payload)),
  });
}

function join(parts: Uint8Array[]): Uint8Array {
  return Uint8Array.from(parts.flatMap((part) => [...part]));
}

const recorded = JSON.parse(
  readFileSync(
    new URL('./__fixtures__/bedrock-invoke-stream.events.json', import.meta.url),
    'utf8',
  ),
) as Record<string, unknown>[];

/** Feeds `bytes` in pieces of `size`: each push returns its own chunk, and nothing is lost. */
function assertPassedUnchanged(reader: StreamUsageReader, bytes: Uint8Array, size: number): void {
  const { passed, sameChunks } = feedStreamReader(reader, bytes, size);
  assert.ok(sameChunks, `chunk size ${size}: the same chunk objects are passed on`);
  assert.deepEqual(passed, bytes, `chunk size ${size}: push and end add up to the input`);
}

test('bedrock-invoke-stream.events.json: the invocation metrics, every chunking', () => {
  const stream = join(recorded.map(chunk));
  for (const size of [1, 7, stream.length]) {
    const reader = createBedrockInvokeStreamReader({ contentType: EVENT_STREAM });
    assertPassedUnchanged(reader, stream, size);
    // amazon-bedrock-invocationMetrics: inputTokenCount 420, outputTokenCount 14,
    // cacheWriteInputTokenCount 2048; Claude's message_start says all 2048 were one-hour writes.
    assert.deepEqual(reader.reading(), {
      reported: {
        input: 420,
        output: 14,
        cacheRead: 0,
        cacheWrite: 2_048,
        cacheWrite1h: 2_048,
        reasoning: 0,
      },
      // "Paris is the capital" 20 + " of France — and its largest city." 34.
      outputCharacters: 54,
    });
    assert.equal(reader.firstTokenSeen, true);
    assert.equal(reader.malformed, 0);
  }
});

test('without the metrics, Claude’s own stream usage stands in', () => {
  const withoutMetrics = recorded.map((event) =>
    event.type === 'message_stop' ? { type: 'message_stop' } : event,
  );
  const reader = createBedrockInvokeStreamReader({ contentType: EVENT_STREAM });
  reader.push(join(withoutMetrics.map(chunk)));
  // message_start: input 420, cache write 2048 (1h), output 1; message_delta: output 14.
  assert.deepEqual(reader.reading().reported, {
    input: 420,
    output: 14,
    cacheRead: 0,
    cacheWrite: 2_048,
    cacheWrite1h: 2_048,
    reasoning: 0,
  });
});

test('the first token waits for generated text', () => {
  const reader = createBedrockInvokeStreamReader({ contentType: EVENT_STREAM });
  reader.push(join(recorded.slice(0, 2).map(chunk)));
  assert.equal(reader.firstTokenSeen, false, 'message_start and an empty block start');
  reader.push(chunk(recorded[2]));
  assert.equal(reader.firstTokenSeen, true);
});

test('other vendors’ native stream text counts too', () => {
  const events = [
    { generation: 'Llama says hi', prompt_token_count: 5 },
    { outputText: 'Titan' },
    { contentBlockDelta: { delta: { text: 'Nova' }, contentBlockIndex: 0 } },
    { outputs: [{ text: 'Mis' }, { text: 'tral' }] },
    { choices: [{ delta: { content: 'oss' } }] },
  ];
  const reader = createBedrockInvokeStreamReader({ contentType: EVENT_STREAM });
  reader.push(join(events.map(chunk)));
  assert.equal(reader.reading().outputCharacters, 13 + 5 + 4 + 7 + 3);
  assert.equal(reader.firstTokenSeen, true);
});

test('a chunk whose bytes are not base64 JSON is counted; exceptions set the kind', () => {
  const reader = createBedrockInvokeStreamReader({ contentType: EVENT_STREAM });
  reader.push(
    join([
      encode('chunk', { bytes: '%%%' }),
      encode('chunk', { bytes: btoa('[1') }),
      encode('chunk', {}),
    ]),
  );
  assert.equal(reader.malformed, 3);
  reader.push(
    codec.encode({
      headers: {
        ':exception-type': { type: 'string', value: 'modelTimeoutException' },
        ':message-type': { type: 'string', value: 'exception' },
      },
      body: fromUtf8('{"message":"Model has timed out in processing the request."}'),
    }),
  );
  assert.equal(reader.reading().errorKind, 'timeout');
  assert.deepEqual(reader.reading(), { errorKind: 'timeout', outputCharacters: 0 });
});
