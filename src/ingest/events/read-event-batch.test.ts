import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readEventBatch } from './read-event-batch.ts';

const options = { knownProviders: ['openai'], defaultSource: 'api' as const };
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
    const batch = readEventBatch(
      JSON.stringify([event('a'), event('b', { output_tokens: -1 }), event('c')]),
      options,
    );
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
    const batch = readEventBatch(text, options);
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

  it('refuses a body that is not JSON at all', () => {
    assert.throws(() => readEventBatch('[{"id": ', options), /invalid events body/);
    assert.throws(() => readEventBatch('[1, 2', options), /not valid JSON/);
  });
});
