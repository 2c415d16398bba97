import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createJsonArrayElementSplitter } from './json-array-element-splitter.ts';

const encoder = new TextEncoder();

function splitAll(text: string, size: number): string[] {
  const bytes = encoder.encode(text);
  const splitter = createJsonArrayElementSplitter();
  const elements: string[] = [];
  for (let offset = 0; offset < bytes.length; offset += size) {
    elements.push(...splitter.push(bytes.subarray(offset, offset + size)));
  }
  return elements;
}

test('each element whatever the chunking, strings with brackets and escapes included', () => {
  const first = '{"text": "a } ] [ { \\" \\\\", "n": [1, {"x": 2}]}';
  const second = '{\r\n  "text": "é — 🚀"\r\n}';
  const third = '[1, 2]';
  const stream = `[${first}\r\n,\r\n${second}\n, ${third}]`;
  for (const size of [1, 2, 7, stream.length]) {
    assert.deepEqual(splitAll(stream, size), [first, second, third], `chunk size ${size}`);
  }
});

test('a top-level object is one element; scalars between elements are skipped', () => {
  assert.deepEqual(splitAll('{"error": {"code": 429}}', 3), ['{"error": {"code": 429}}']);
  assert.deepEqual(splitAll('[1, "x", {"a": 1}, null]', 1), ['{"a": 1}']);
});

test('an unfinished element waits; junk never throws', () => {
  assert.deepEqual(splitAll('[{"a": "unterminated', 4), []);
  assert.deepEqual(splitAll(']]}}not json{', 1), []);
  assert.deepEqual(splitAll('', 1), []);
});
