import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { EventStreamCodec } from '@smithy/core/event-streams';
import { fromUtf8, toUtf8 } from '@smithy/core/serde';
import { feedStreamReader } from '../shared/feed-stream-reader.ts';
import type { StreamUsageReader } from '../wire-protocol.ts';
import { createBedrockConverseStreamReader } from './create-bedrock-converse-stream-reader.ts';

const EVENT_STREAM = 'application/vnd.amazon.eventstream';
const codec = new EventStreamCodec(toUtf8, fromUtf8);

function message(type: 'event' | 'exception', name: string, payload: unknown): Uint8Array {
  const nameHeader = type === 'event' ? ':event-type' : ':exception-type';
  return codec.encode({
    headers: {
      [nameHeader]: { type: 'string', value: name },
      ':content-type': { type: 'string', value: 'application/json' },
      ':message-type': { type: 'string', value: type },
    },
    body: fromUtf8(JSON.stringify(payload)),
  });
}

function join(parts: Uint8Array[]): Uint8Array {
  return Uint8Array.from(parts.flatMap((part) => [...part]));
}

const recorded = JSON.parse(
  readFileSync(
    new URL('./__fixtures__/bedrock-converse-stream.events.json', import.meta.url),
    'utf8',
  ),
) as { eventType: string; payload: unknown }[];
const stream = join(recorded.map(({ eventType, payload }) => message('event', eventType, payload)));

/** Feeds `bytes` in pieces of `size`: each push returns its own chunk, and nothing is lost. */
function assertPassedUnchanged(reader: StreamUsageReader, bytes: Uint8Array, size: number): void {
  const { passed, sameChunks } = feedStreamReader(reader, bytes, size);
  assert.ok(sameChunks, `chunk size ${size}: the same chunk objects are passed on`);
  assert.deepEqual(passed, bytes, `chunk size ${size}: push and end add up to the input`);
}

test('bedrock-converse-stream.events.json: usage from the metadata event, every chunking', () => {
  for (const size of [1, 7, stream.length]) {
    const reader = createBedrockConverseStreamReader({ contentType: EVENT_STREAM });
    assertPassedUnchanged(reader, stream, size);
    // metadata.usage: inputTokens 1180, outputTokens 356, cacheReadInputTokens 6144,
    // cacheWriteInputTokens 1024, all of it one-hour (cacheDetails); totalTokens 8704 unread.
    assert.deepEqual(reader.reading(), {
      reported: {
        input: 1_180,
        output: 356,
        cacheRead: 6_144,
        cacheWrite: 1_024,
        cacheWrite1h: 1_024,
        reasoning: 0,
      },
      // Reasoning 63, text 36 + 33, tool name "get_payment_plan" 16, tool input 24.
      outputCharacters: 172,
    });
    assert.equal(reader.firstTokenSeen, true);
    assert.equal(reader.malformed, 0);
  }
});

test('the first token is the first delta, not messageStart', () => {
  const reader = createBedrockConverseStreamReader({ contentType: EVENT_STREAM });
  reader.push(message('event', 'messageStart', { role: 'assistant' }));
  assert.equal(reader.firstTokenSeen, false);
  reader.push(
    message('event', 'contentBlockDelta', { delta: { reasoningContent: { text: 'h' } } }),
  );
  assert.equal(reader.firstTokenSeen, true);
});

test('an exception mid-stream sets its kind and keeps what was read', () => {
  const cases: [string, string][] = [
    ['throttlingException', 'rate_limit'],
    ['serviceUnavailableException', 'overloaded'],
    ['internalServerException', 'server_error'],
    ['modelStreamErrorException', 'server_error'],
    ['validationException', 'invalid_request'],
    ['modelTimeoutException', 'timeout'],
    ['somethingNewException', 'unknown'],
  ];
  for (const [name, kind] of cases) {
    const reader = createBedrockConverseStreamReader({ contentType: EVENT_STREAM });
    reader.push(message('event', 'contentBlockDelta', { delta: { text: 'par' } }));
    reader.push(message('exception', name, { message: 'stream broke' }));
    assert.equal(reader.reading().errorKind, kind, name);
    assert.equal(reader.reading().outputCharacters, 3);
    assert.equal(reader.reading().reported, undefined);
  }
});

test('a JSON error body instead of a stream is read as one', () => {
  const reader = createBedrockConverseStreamReader({ contentType: 'application/json' });
  const body = new TextEncoder().encode('{"__type":"AccessDeniedException","message":"no"}');
  assertPassedUnchanged(reader, body, 5);
  assert.equal(reader.reading().errorKind, 'permission');
  assert.equal(reader.malformed, 0);

  const html = createBedrockConverseStreamReader({ contentType: 'text/html' });
  html.push(new TextEncoder().encode('<html>Bad Gateway</html>'));
  html.end();
  assert.equal(html.malformed, 1);
  assert.equal(html.reading().errorKind, undefined);
});

test('events that are not JSON objects are counted as malformed', () => {
  const reader = createBedrockConverseStreamReader({ contentType: EVENT_STREAM });
  reader.push(
    join([message('event', 'contentBlockDelta', 'text'), message('event', 'metadata', [1])]),
  );
  assert.equal(reader.malformed, 2);
  assert.deepEqual(reader.reading(), { outputCharacters: 0 });
});

test('the metadata service tier is kept', () => {
  const reader = createBedrockConverseStreamReader({ contentType: EVENT_STREAM });
  reader.push(
    message('event', 'metadata', {
      usage: { inputTokens: 3, outputTokens: 4, totalTokens: 7 },
      metrics: { latencyMs: 10 },
      serviceTier: { type: 'priority' },
    }),
  );
  assert.equal(reader.reading().serviceTier, 'priority');
  assert.equal(reader.reading().reported?.output, 4);
});
