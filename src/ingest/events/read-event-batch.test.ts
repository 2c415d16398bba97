import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readEventBatch } from './read-event-batch.ts';

const options = { knownProviders: ['openai'], defaultSource: 'api' as const };
const read = (text: string) => readEventBatch(Buffer.from(text), options);
const event = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  timestamp: '2026-03-09T10:00:00Z',
  provider: 'openai',
  model: 'gpt-4o-mini',
  input_tokens: 100,
  output_tokens: 20,
  ...extra,
});

describe('readEventBatch', () => {
  it('keeps the valid events of a JSON array and refuses the others by index', () => {
    const batch = read(JSON.stringify([event('a'), event('b', { output_tokens: -1 }), event('c')]));
    assert.deepEqual(
      batch.events.map((item) => item.id),
      ['a', 'c'],
    );
    assert.equal(batch.refused.length, 1);
    assert.equal(batch.refused[0]?.index, 1);
    assert.equal(batch.refused[0]?.issues[0]?.field, 'output_tokens');
  });

  it('reads NDJSON line by line, a broken line refused alone', () => {
    const text = [
      JSON.stringify(event('a')),
      '{"id": "b",',
      '',
      JSON.stringify(event('c', { provider: 'nope' })),
    ].join('\n');
    const batch = read(text);
    assert.deepEqual(
      batch.events.map((item) => item.id),
      ['a'],
    );
    assert.deepEqual(
      batch.refused.map((item) => [item.index, item.issues[0]?.field]),
      [
        [1, '(line)'],
        [2, 'provider'],
      ],
    );
  });

  it('refuses a body that is not JSON at all, or empty', () => {
    assert.throws(() => read('[{"id": '), /invalid events body/);
    assert.throws(() => read('[1, 2'), /not valid JSON/);
    assert.throws(() => read(' \n\r\n'), /\(body\) is empty/);
  });

  it('refuses bytes that are not UTF-8: a whole array, or the NDJSON line alone', () => {
    const bad = Buffer.concat([
      Buffer.from(JSON.stringify(event('a')).replace('gpt-4o-mini', 'gpt-')),
      Buffer.from([0xff]),
    ]);
    const array = Buffer.concat([Buffer.from('['), bad, Buffer.from(']')]);
    assert.throws(() => readEventBatch(array, options), /\(body\) is not UTF-8 text/);
    const lines = Buffer.concat([bad, Buffer.from(`\n${JSON.stringify(event('b'))}`)]);
    const batch = readEventBatch(lines, options);
    assert.deepEqual(
      batch.events.map((item) => item.id),
      ['b'],
    );
    assert.equal(batch.refused[0]?.issues[0]?.reason, 'is not UTF-8 text');
  });

  it('reads past a byte order mark and refuses a lone surrogate by field', () => {
    const batch = read(`\uFEFF[${JSON.stringify(event('a', { tags: { team: 'x\ud800' } }))}]`);
    assert.equal(batch.events.length, 0);
    assert.deepEqual(batch.refused[0]?.issues[0]?.field, 'tags.team');
    assert.equal(read(JSON.stringify(event('b', { model: 'x\udc00' }))).refused.length, 1);
    assert.equal(
      // An escaped surrogate pair is one character and fine.
      read(JSON.stringify(event('a', { model: 'PAIR' })).replace('PAIR', '\\ud83d\\ude00')).events
        .length,
      1,
    );
  });
});
