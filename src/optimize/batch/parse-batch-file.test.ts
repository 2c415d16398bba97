import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ValidationError } from '../../domain/errors/index.ts';
import { parseBatchFile } from './parse-batch-file.ts';

const chat = { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] };

test('reads both line shapes, keeping line numbers across blank lines', () => {
  const text = [
    JSON.stringify({ custom_id: 'a', method: 'POST', url: '/v1/chat/completions', body: chat }),
    '',
    JSON.stringify({ custom_id: 'b', params: { ...chat, model: 'claude-haiku-4-5' } }),
  ].join('\n');
  assert.deepEqual(parseBatchFile(text, 'f.jsonl'), [
    { customId: 'a', body: chat, url: '/v1/chat/completions', line: 1 },
    { customId: 'b', body: { ...chat, model: 'claude-haiku-4-5' }, line: 3 },
  ]);
});

test('names every bad line (up to five) with its reason', () => {
  const lines = [
    'not json',
    '[1]',
    JSON.stringify({ params: chat }),
    JSON.stringify({ custom_id: 'a', body: { messages: [] } }),
    JSON.stringify({ custom_id: 'b', body: chat, params: chat }),
    JSON.stringify({ custom_id: 'c', method: 'GET', body: chat }),
  ];
  assert.throws(
    () => parseBatchFile(lines.join('\n'), 'f.jsonl'),
    (error: unknown) => {
      assert.ok(error instanceof ValidationError);
      assert.deepEqual(
        error.issues.map((issue) => `${issue.field} ${issue.reason}`),
        [
          'line 1 is not JSON',
          'line 2 is not a JSON object',
          'line 3 has no custom_id (a non-empty string)',
          'line 4 names no model',
          'line 5 has both body and params; keep one',
        ],
      );
      return true;
    },
  );
});

test('refuses repeated custom_ids, streams, bad urls and an empty file', () => {
  const cases: [string[], RegExp][] = [
    [
      [
        JSON.stringify({ custom_id: 'a', body: chat }),
        JSON.stringify({ custom_id: 'a', body: chat }),
      ],
      /line 2 repeats custom_id "a" of line 1/,
    ],
    [[JSON.stringify({ custom_id: 'a', body: { ...chat, stream: true } })], /asks for a stream/],
    [[JSON.stringify({ custom_id: 'a', url: 'v1/x', body: chat })], /url that is not a path/],
    [['', '  '], /file holds no requests/],
  ];
  for (const [lines, pattern] of cases) {
    assert.throws(() => parseBatchFile(lines.join('\n'), 'f.jsonl'), pattern);
  }
});
