import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createSseEventSplitter } from './sse-event-splitter.ts';

const encoder = new TextEncoder();
const stream = 'event: a\ndata: {"x":1}\n\n: comment\ndata: two\ndata: lines\n\r\ndata: [DONE]\n\n';

test('splits events whatever the chunking, byte by byte included', () => {
  const bytes = encoder.encode(stream);
  for (const size of [1, 2, 3, 7, bytes.length]) {
    const splitter = createSseEventSplitter();
    const events = [];
    for (let offset = 0; offset < bytes.length; offset += size) {
      events.push(...splitter.push(bytes.subarray(offset, offset + size)));
    }
    assert.deepEqual(
      events.map(({ event, data }) => ({ event, data })),
      [
        { event: 'a', data: '{"x":1}' },
        { event: undefined, data: 'two\nlines' },
        { event: undefined, data: '[DONE]' },
      ],
      `chunk size ${size}`,
    );
    assert.equal(
      events.map((event) => new TextDecoder().decode(event.raw)).join(''),
      stream,
      'raw bytes add up to the stream',
    );
    assert.equal(splitter.rest().length, 0);
  }
});

test('keeps an unterminated last event as the rest', () => {
  const splitter = createSseEventSplitter();
  assert.equal(splitter.push(encoder.encode('data: 1\n\ndata: 2')).length, 1);
  assert.equal(new TextDecoder().decode(splitter.rest()), 'data: 2');
});

test('an event that comes in many chunks comes out whole, and so does an unfinished one', () => {
  const image = 'A'.repeat(200_000);
  const bytes = encoder.encode(`event: partial_image\ndata: {"b64":"${image}"}\r\n\r\ndata: tail`);
  const splitter = createSseEventSplitter();
  const events = [];
  for (let offset = 0; offset < bytes.length; offset += 4_096) {
    events.push(...splitter.push(bytes.subarray(offset, offset + 4_096)));
  }
  assert.equal(events.length, 1);
  assert.equal(events[0]?.event, 'partial_image');
  assert.equal(events[0]?.data, `{"b64":"${image}"}`);
  assert.equal(new TextDecoder().decode(splitter.rest()), 'data: tail');
  splitter.push(encoder.encode(' more'));
  assert.equal(new TextDecoder().decode(splitter.rest()), 'data: tail more');
});

test('reads CRLF lines, a value without its space, an empty data line and a field it ignores', () => {
  const splitter = createSseEventSplitter();
  const events = splitter.push(
    encoder.encode('event:delta\r\ndata:{"a":1}\r\ndata:\r\nid: 7\r\n\r\ndata: x\n\n'),
  );
  assert.deepEqual(
    events.map(({ event, data }) => ({ event, data })),
    [
      { event: 'delta', data: '{"a":1}\n' },
      { event: undefined, data: 'x' },
    ],
  );
});

test('reads events around non-ASCII text, and a character split between chunks', () => {
  const stream = 'data: {"t":"héllo 😀"}\n\ndata: {"t":"plain"}\n\ndata: {"t":"日本"}\n\n';
  const bytes = encoder.encode(stream);
  for (const size of [5, 16, bytes.length]) {
    const splitter = createSseEventSplitter();
    const events = [];
    for (let offset = 0; offset < bytes.length; offset += size) {
      events.push(...splitter.push(bytes.subarray(offset, offset + size)));
    }
    assert.deepEqual(
      events.map((event) => event.data),
      ['{"t":"héllo 😀"}', '{"t":"plain"}', '{"t":"日本"}'],
      `chunk size ${size}`,
    );
    assert.equal(events.map((event) => new TextDecoder().decode(event.raw)).join(''), stream);
  }
});
