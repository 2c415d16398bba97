import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { feedStreamReader } from '../shared/feed-stream-reader.ts';
import type { StreamUsageReader } from '../wire-protocol.ts';
import { createGeminiStreamReader } from './create-gemini-stream-reader.ts';

const SSE = 'text/event-stream';
const JSON_ARRAY = 'application/json; charset=UTF-8';
const encoder = new TextEncoder();

function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url)));
}

/** Feeds `bytes` in pieces of `size`: each push returns its own chunk, and nothing is lost. */
function assertPassedUnchanged(reader: StreamUsageReader, bytes: Uint8Array, size: number): void {
  const { passed, sameChunks } = feedStreamReader(reader, bytes, size);
  assert.ok(sameChunks, `chunk size ${size}: the same chunk objects are passed on`);
  assert.deepEqual(passed, bytes, `chunk size ${size}: push and end add up to the input`);
}

test('gemini-stream.chunks.txt (SSE): the last cumulative usage, thoughts and cache', () => {
  const bytes = fixture('gemini-stream.chunks.txt');
  for (const size of [1, 7, bytes.length]) {
    const reader = createGeminiStreamReader({ contentType: SSE });
    assertPassedUnchanged(reader, bytes, size);
    // Final chunk: promptTokenCount 3120 (2048 cached), candidatesTokenCount 96,
    // thoughtsTokenCount 410, total 3626. Earlier chunks had no candidates count.
    assert.deepEqual(reader.reading(), {
      model: 'gemini-2.5-flash',
      reported: {
        input: 3_120,
        output: 96,
        cacheRead: 2_048,
        cacheWrite: 0,
        cacheWrite1h: 0,
        reasoning: 410,
      },
      // Thought summary 149 characters, then answer text 62 + 70.
      outputCharacters: 281,
    });
    assert.equal(reader.firstTokenSeen, true);
    assert.equal(reader.malformed, 0);
  }
});

test('gemini-stream-array.chunks.txt (no alt=sse): elements are read as they close', () => {
  const bytes = fixture('gemini-stream-array.chunks.txt');
  for (const size of [1, 7, bytes.length]) {
    const reader = createGeminiStreamReader({ contentType: JSON_ARRAY });
    assertPassedUnchanged(reader, bytes, size);
    // Final element: promptTokenCount 48 + toolUsePromptTokenCount 310 (grounding results),
    // candidatesTokenCount 57, total 415.
    assert.deepEqual(reader.reading(), {
      model: 'gemini-2.5-flash',
      reported: {
        input: 358,
        output: 57,
        cacheRead: 0,
        cacheWrite: 0,
        cacheWrite1h: 0,
        reasoning: 0,
      },
      // 64 characters, then 40 (the rocket is two UTF-16 units); braces and brackets inside
      // the strings must not end an element.
      outputCharacters: 104,
    });
    assert.equal(reader.malformed, 0);
  }
});

test('the first token is seen as soon as its element or event arrives', () => {
  const array = fixture('gemini-stream-array.chunks.txt');
  const reader = createGeminiStreamReader({ contentType: JSON_ARRAY });
  const text = new TextDecoder().decode(array);
  // A byte offset: the text before it holds multi-byte characters.
  const firstElementEnd = encoder.encode(text.slice(0, text.indexOf('\r\n,\r\n'))).length;
  reader.push(array.subarray(0, firstElementEnd - 1));
  assert.equal(reader.firstTokenSeen, false);
  reader.push(array.subarray(firstElementEnd - 1, firstElementEnd + 1));
  assert.equal(reader.firstTokenSeen, true);
  assert.equal(reader.reading().reported?.input, 48, 'usage so far');

  const sse = fixture('gemini-stream.chunks.txt');
  const sseReader = createGeminiStreamReader({ contentType: SSE });
  sseReader.push(sse.subarray(0, new TextDecoder().decode(sse).indexOf('\r\n\r\n') + 4));
  assert.equal(sseReader.firstTokenSeen, true);
});

test('an error in the stream sets the kind and keeps the usage seen before it', () => {
  const sse = createGeminiStreamReader({ contentType: SSE });
  sse.push(
    encoder.encode(
      'data: {"candidates":[{"content":{"parts":[{"text":"Hi"}]}}],"usageMetadata":{"promptTokenCount":5}}\r\n\r\n' +
        'data: {"error":{"code":503,"message":"The model is overloaded.","status":"UNAVAILABLE"}}\r\n\r\n',
    ),
  );
  assert.equal(sse.reading().errorKind, 'overloaded');
  assert.equal(sse.reading().reported?.input, 5);

  const array = createGeminiStreamReader({ contentType: 'application/json' });
  array.push(
    encoder.encode(
      '[{\n  "error": {\n    "code": 429,\n    "status": "RESOURCE_EXHAUSTED"\n  }\n}\n]',
    ),
  );
  assert.equal(array.reading().errorKind, 'rate_limit');

  const body = createGeminiStreamReader({ contentType: 'application/json' });
  body.push(encoder.encode('{"error":{"code":400,"status":"INVALID_ARGUMENT"}}'));
  assert.equal(body.reading().errorKind, 'invalid_request');
});

test('malformed data lines are counted and passed on; the rest still reads', () => {
  const reader = createGeminiStreamReader({ contentType: SSE });
  const stream = encoder.encode(
    'data: {"candidates":\n\n' +
      ': keep-alive\n\n' +
      'data: "just a string"\n\n' +
      'data: {"usageMetadata":{"promptTokenCount":3,"candidatesTokenCount":1}}\n\n',
  );
  assertPassedUnchanged(reader, stream, 5);
  assert.equal(reader.malformed, 2);
  assert.equal(reader.reading().reported?.output, 1);
  assert.equal(reader.firstTokenSeen, false);

  const array = createGeminiStreamReader({ contentType: JSON_ARRAY });
  array.push(encoder.encode('[{"usageMetadata": {"promptTokenCount": 2}}, {"oops": tru}, 7]'));
  assert.equal(array.malformed, 1);
  assert.equal(array.reading().reported?.input, 2);
});

test('an unterminated last SSE event is still read at the end', () => {
  const reader = createGeminiStreamReader({ contentType: SSE });
  reader.push(
    encoder.encode('data: {"usageMetadata":{"promptTokenCount":4,"candidatesTokenCount":2}}'),
  );
  assert.equal(reader.reading().reported, undefined);
  assert.equal(reader.end().length, 0);
  assert.equal(reader.reading().reported?.output, 2);
});

test('a function call counts as the first token', () => {
  const reader = createGeminiStreamReader({ contentType: SSE });
  reader.push(
    encoder.encode(
      'data: {"candidates":[{"content":{"parts":[{"functionCall":{"name":"lookup","args":{"id":"7"}}}]}}]}\n\n',
    ),
  );
  assert.equal(reader.firstTokenSeen, true);
  assert.equal(reader.reading().outputCharacters, '{"name":"lookup","args":{"id":"7"}}'.length);
});
