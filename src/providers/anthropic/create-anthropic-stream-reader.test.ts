import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { feedStreamReader } from '../shared/feed-stream-reader.ts';
import type { UsageReading } from '../wire-protocol.ts';
import { anthropicMessagesProtocol } from './anthropic-messages-protocol.ts';

const encoder = new TextEncoder();

function createReader() {
  return anthropicMessagesProtocol.createStreamReader({
    hideUsageFromCaller: false,
    contentType: 'text/event-stream',
  });
}

/** Feeds a fixture 1 byte, 7 bytes and whole at a time; every byte passes and every reading agrees. */
function readFixture(name: string): UsageReading {
  const bytes = readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url));
  const readings = [1, 7, bytes.length].map((size) => {
    const reader = createReader();
    const { passed, sameChunks } = feedStreamReader(reader, bytes, size);
    assert.deepEqual(passed, new Uint8Array(bytes), `chunk size ${size}: nothing is hidden`);
    assert.ok(sameChunks);
    assert.equal(reader.malformed, 0);
    assert.equal(reader.firstTokenSeen, true);
    return reader.reading();
  });
  assert.deepEqual(readings[1], readings[0]);
  assert.deepEqual(readings[2], readings[0]);
  return readings[0] ?? { outputCharacters: 0 };
}

test('anthropic-stream.chunks.txt: input from message_start, output from message_delta', () => {
  assert.deepEqual(readFixture('anthropic-stream.chunks.txt'), {
    model: 'claude-sonnet-4-5-20250929',
    // 842 uncached input, 12288 cache read; message_delta's cumulative output_tokens 27
    reported: {
      input: 842,
      output: 27,
      cacheRead: 12288,
      cacheWrite: 0,
      cacheWrite1h: 0,
      reasoning: 0,
    },
    serviceTier: 'standard',
    // "The renewal" " date is 1 April 2026;" " the price increase" " cap in clause 7 limits"
    // " it to 5%." = 11+22+19+23+10
    outputCharacters: 85,
  });
});

test('anthropic-thinking-stream.chunks.txt: one-hour write from message_start, thinking from message_delta', () => {
  assert.deepEqual(readFixture('anthropic-thinking-stream.chunks.txt'), {
    model: 'claude-opus-4-1-20250805',
    // message_start: input 96, cache_creation 8192 all 1h; message_delta: output 151 (thinking 118)
    reported: {
      input: 96,
      output: 151,
      cacheRead: 0,
      cacheWrite: 8192,
      cacheWrite1h: 8192,
      reasoning: 118,
    },
    serviceTier: 'standard',
    // thinking 32+23, text "Let me look that up." 20, tool input 10+12; signatures are not text
    outputCharacters: 97,
  });
});

test('anthropic-error-stream.chunks.txt: the error event, with the usage seen before it', () => {
  assert.deepEqual(readFixture('anthropic-error-stream.chunks.txt'), {
    model: 'claude-haiku-4-5-20251001',
    reported: {
      input: 2310,
      output: 1,
      cacheRead: 0,
      cacheWrite: 0,
      cacheWrite1h: 0,
      reasoning: 0,
    },
    serviceTier: 'standard',
    errorKind: 'overloaded',
    // "Three invoices are"
    outputCharacters: 18,
  });
});

test('later message_delta events replace earlier ones; null fields keep what message_start said', () => {
  const event = (name: string, data: object) => `event: ${name}\ndata: ${JSON.stringify(data)}\n\n`;
  const stream =
    event('message_start', {
      type: 'message_start',
      message: {
        model: 'claude-x',
        usage: { input_tokens: 10, cache_read_input_tokens: 90, output_tokens: 1 },
      },
    }) +
    event('message_delta', { type: 'message_delta', usage: { output_tokens: 5 } }) +
    event('message_delta', {
      type: 'message_delta',
      usage: { input_tokens: null, cache_read_input_tokens: null, output_tokens: 9 },
    }) +
    'event: content_block_delta\ndata: {broken\n\n';
  const reader = createReader();
  feedStreamReader(reader, encoder.encode(stream), 11);
  assert.deepEqual(reader.reading().reported, {
    input: 10,
    output: 9,
    cacheRead: 90,
    cacheWrite: 0,
    cacheWrite1h: 0,
    reasoning: 0,
  });
  assert.equal(reader.malformed, 1);
  assert.equal(reader.firstTokenSeen, false);
});
