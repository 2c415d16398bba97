import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createSseUsageReader } from './create-sse-usage-reader.ts';
import { feedStreamReader } from './feed-stream-reader.ts';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** A toy protocol: `text` is generated text; an event with `usage` alone is usage only. */
function createToyReader(hideUsageFromCaller: boolean) {
  return createSseUsageReader({
    hideUsageFromCaller,
    endMarker: 'END',
    readEvent(data, eventName, draft) {
      draft.addGeneratedText(data.text);
      if (eventName === 'model') draft.model = String(data.name);
      if (typeof data.usage !== 'number') return false;
      draft.reported = {
        input: data.usage,
        output: 0,
        cacheRead: 0,
        cacheWrite: 0,
        cacheWrite1h: 0,
        reasoning: 0,
      };
      return true;
    },
  });
}

const stream =
  'event: model\ndata: {"name":"toy-1"}\n\n' +
  ': keep-alive\n\n' +
  'data: {"text":"héllo"}\n\n' +
  'data: not json\n\n' +
  'data: [1,2]\n\n' +
  'data: {"usage":42}\n\n' +
  'data: {"text":""}\n\n' +
  'data: END\n\n';

test('reads the same whatever the chunking and passes every byte when not hiding', () => {
  const bytes = encoder.encode(stream);
  for (const size of [1, 7, bytes.length]) {
    const reader = createToyReader(false);
    const { passed, sameChunks } = feedStreamReader(reader, bytes, size);
    assert.ok(sameChunks, `chunk size ${size}: the very chunks are passed on`);
    assert.deepEqual(passed, bytes);
    assert.equal(reader.malformed, 2, 'non-JSON and non-object data are malformed');
    assert.equal(reader.firstTokenSeen, true);
    assert.deepEqual(reader.reading(), {
      model: 'toy-1',
      reported: {
        input: 42,
        output: 0,
        cacheRead: 0,
        cacheWrite: 0,
        cacheWrite1h: 0,
        reasoning: 0,
      },
      outputCharacters: 5,
    });
  }
});

test('hides exactly the usage-only event, whatever the chunking', () => {
  const bytes = encoder.encode(stream);
  for (const size of [1, 7, bytes.length]) {
    const reader = createToyReader(true);
    const { passed } = feedStreamReader(reader, bytes, size);
    assert.equal(decoder.decode(passed), stream.replace('data: {"usage":42}\n\n', ''));
    assert.equal(reader.reading().reported?.input, 42);
  }
});

test('an empty stream reads nothing and first token stays unseen', () => {
  const reader = createToyReader(false);
  assert.equal(reader.end().length, 0);
  assert.equal(reader.firstTokenSeen, false);
  assert.deepEqual(reader.reading(), { outputCharacters: 0 });
});

test('a last event without its blank line is still read, and held-back bytes come out at the end', () => {
  const text = 'data: {"text":"ab"}\n\ndata: {"text":"cd"}';
  const hiding = createToyReader(true);
  assert.equal(decoder.decode(hiding.push(encoder.encode(text))), 'data: {"text":"ab"}\n\n');
  assert.equal(decoder.decode(hiding.end()), 'data: {"text":"cd"}');
  assert.equal(hiding.reading().outputCharacters, 4);

  const passing = createToyReader(false);
  passing.push(encoder.encode(text));
  assert.equal(passing.end().length, 0, 'already passed on by push');
  assert.equal(passing.reading().outputCharacters, 4);
});

test('an unterminated usage-only last event is hidden too', () => {
  const reader = createToyReader(true);
  assert.equal(reader.push(encoder.encode('data: {"usage":7}')).length, 0);
  assert.equal(reader.end().length, 0);
  assert.equal(reader.reading().reported?.input, 7);
});

test('is finished once the end marker has come, not before', () => {
  const reader = createToyReader(false);
  reader.push(encoder.encode('data: {"text":"hi"}\n\ndata: EN'));
  assert.equal(reader.finished, false, 'a marker cut in half is not there yet');
  reader.push(encoder.encode('D\n\n'));
  assert.equal(reader.finished, true);
});
