import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { feedStreamReader } from '../shared/feed-stream-reader.ts';
import type { UsageReading } from '../wire-protocol.ts';
import { openAiChatProtocol } from './openai-chat-protocol.ts';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

function fixture(name: string): string {
  return readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), 'utf8');
}

/** The stream minus its events that carry non-null usage: what a caller who did not ask sees. */
function withoutUsageEvent(stream: string): string {
  const events = stream.split('\n\n');
  const kept = events.filter((event) => !event.includes('"usage":{'));
  assert.equal(events.length - kept.length, 1, 'exactly one usage event');
  return kept.join('\n\n');
}

/** Feeds the stream 1 byte, 7 bytes and whole at a time; every chunking must read the same. */
function readInChunkings(stream: string, hideUsageFromCaller: boolean): UsageReading {
  const bytes = encoder.encode(stream);
  const readings = [1, 7, bytes.length].map((size) => {
    const reader = openAiChatProtocol.createStreamReader({
      hideUsageFromCaller,
      contentType: 'text/event-stream',
    });
    const { passed, sameChunks } = feedStreamReader(reader, bytes, size);
    const expected = hideUsageFromCaller ? withoutUsageEvent(stream) : stream;
    assert.equal(decoder.decode(passed), expected, `chunk size ${size}`);
    if (!hideUsageFromCaller) assert.ok(sameChunks, 'zero copy when nothing is hidden');
    assert.equal(reader.malformed, 0);
    assert.equal(reader.firstTokenSeen, true);
    return reader.reading();
  });
  assert.deepEqual(readings[1], readings[0]);
  assert.deepEqual(readings[2], readings[0]);
  return readings[0] ?? { outputCharacters: 0 };
}

test('openai-chat-stream.chunks.txt: usage from the choices:[] chunk, 31 characters', () => {
  for (const hide of [false, true]) {
    assert.deepEqual(readInChunkings(fixture('openai-chat-stream.chunks.txt'), hide), {
      model: 'gpt-4o-mini-2024-07-18',
      // prompt_tokens 412, completion_tokens 7
      reported: {
        input: 412,
        output: 7,
        cacheRead: 0,
        cacheWrite: 0,
        cacheWrite1h: 0,
        reasoning: 0,
      },
      serviceTier: 'standard',
      // "Paris" " is" " the" " capital" " of" " France" "." = 5+3+4+8+3+7+1
      outputCharacters: 31,
    });
  }
});

test('openai-azure-chat-stream.chunks.txt: the leading filter chunk is not usage', () => {
  for (const hide of [false, true]) {
    assert.deepEqual(readInChunkings(fixture('openai-azure-chat-stream.chunks.txt'), hide), {
      model: 'gpt-4o-mini-2024-07-18',
      // prompt_tokens 1893 (cached 1536), completion_tokens 12; Azure sends no service_tier
      reported: {
        input: 1893,
        output: 12,
        cacheRead: 1536,
        cacheWrite: 0,
        cacheWrite1h: 0,
        reasoning: 0,
      },
      // "Invoice" " INV-2291" " is" " overdue" " by 12 days." = 7+9+3+8+12
      outputCharacters: 39,
    });
  }
});

test('openai-chat-error-stream.chunks.txt: the error chunk sets the error kind, no usage', () => {
  assert.deepEqual(readInChunkings(fixture('openai-chat-error-stream.chunks.txt'), false), {
    model: 'gpt-4.1-2025-04-14',
    serviceTier: 'priority',
    errorKind: 'server_error',
    // "Sure" ", here"
    outputCharacters: 10,
  });
});

test('a usage chunk that also carries choices is never hidden', () => {
  const stream =
    'data: {"choices":[{"index":0,"delta":{"content":"ok"}}],"usage":{"prompt_tokens":3,"completion_tokens":1}}\n\n' +
    'data: [DONE]\n\n';
  const reader = openAiChatProtocol.createStreamReader({
    hideUsageFromCaller: true,
    contentType: 'text/event-stream',
  });
  const { passed } = feedStreamReader(reader, encoder.encode(stream), 5);
  assert.equal(decoder.decode(passed), stream);
  assert.equal(reader.reading().reported?.input, 3);
});

test('malformed data passes through and is counted; reasoning and tool calls are generated text', () => {
  const stream =
    'data: {"choices":[{"delta":{"reasoning_content":"think"}}]}\n\n' +
    'data: {oops\n\n' +
    'data: {"choices":[{"delta":{"tool_calls":[{"index":0,"function":{"name":"f","arguments":"{}"}}]}}]}\n\n' +
    'data: {"choices":[{"delta":{"refusal":"no"}}]}\n\n' +
    'data: [DONE]\n\n';
  const reader = openAiChatProtocol.createStreamReader({
    hideUsageFromCaller: true,
    contentType: 'text/event-stream',
  });
  const { passed } = feedStreamReader(reader, encoder.encode(stream), 3);
  assert.equal(decoder.decode(passed), stream);
  assert.equal(reader.malformed, 1);
  assert.equal(reader.firstTokenSeen, true);
  assert.deepEqual(reader.reading(), { outputCharacters: 10 }); // think + f + {} + no
});

test('role and empty content chunks are not a first token', () => {
  const reader = openAiChatProtocol.createStreamReader({
    hideUsageFromCaller: false,
    contentType: 'text/event-stream',
  });
  reader.push(
    encoder.encode('data: {"choices":[{"delta":{"role":"assistant","content":""}}]}\n\n'),
  );
  assert.equal(reader.firstTokenSeen, false);
});
