import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { readGeminiUsage } from './read-gemini-usage.ts';

const fixture: unknown = JSON.parse(
  readFileSync(new URL('./__fixtures__/gemini-generate-content.json', import.meta.url), 'utf8'),
);

test('gemini-generate-content.json: counts as Gemini reports them, model from modelVersion', () => {
  // usageMetadata: promptTokenCount 5230 (cachedContentTokenCount 4096 inside it),
  // candidatesTokenCount 212, thoughtsTokenCount 845 (outside candidates), total 6287.
  assert.deepEqual(readGeminiUsage(fixture), {
    model: 'gemini-2.5-flash',
    reported: {
      input: 5_230,
      output: 212,
      cacheRead: 4_096,
      cacheWrite: 0,
      cacheWrite1h: 0,
      reasoning: 845,
    },
    // "Top three drivers of churn in Q1: … and no SSO configured." is 113 characters.
    outputCharacters: 113,
  });
});

test('tool-use prompt tokens are input-priced, so they join input', () => {
  const reading = readGeminiUsage({
    usageMetadata: { promptTokenCount: 48, toolUsePromptTokenCount: 310, candidatesTokenCount: 57 },
  });
  assert.equal(reading.reported?.input, 358);
  assert.equal(reading.reported?.output, 57);
  assert.equal(reading.reported?.reasoning, 0);
});

test('a body without usageMetadata reports nothing rather than zeros', () => {
  const reading = readGeminiUsage({ promptFeedback: { blockReason: 'SAFETY' } });
  assert.equal(reading.reported, undefined);
  assert.equal(reading.errorKind, undefined);
});

test('a streamed array read whole: the last usageMetadata wins, text adds up', () => {
  const reading = readGeminiUsage([
    {
      candidates: [{ content: { parts: [{ text: 'abc' }] } }],
      usageMetadata: { promptTokenCount: 9 },
    },
    {
      candidates: [{ content: { parts: [{ text: 'de' }] } }],
      usageMetadata: { promptTokenCount: 9, candidatesTokenCount: 2 },
    },
    { candidates: [] },
  ]);
  assert.deepEqual(reading.reported, {
    input: 9,
    output: 2,
    cacheRead: 0,
    cacheWrite: 0,
    cacheWrite1h: 0,
    reasoning: 0,
  });
  assert.equal(reading.outputCharacters, 5);
});

test('error bodies name their kind', () => {
  const cases: [unknown, string][] = [
    [{ code: 429, status: 'RESOURCE_EXHAUSTED', message: 'quota' }, 'rate_limit'],
    [{ code: 500, status: 'INTERNAL' }, 'server_error'],
    [{ code: 503, status: 'UNAVAILABLE' }, 'overloaded'],
    [{ code: 400, status: 'INVALID_ARGUMENT' }, 'invalid_request'],
    [{ code: 403, status: 'PERMISSION_DENIED' }, 'permission'],
    [{ code: 401, status: 'UNAUTHENTICATED' }, 'authentication'],
    [{ code: 404, status: 'NOT_FOUND' }, 'not_found'],
    [{ code: 504, status: 'DEADLINE_EXCEEDED' }, 'timeout'],
    [{ code: 413 }, 'request_too_large'],
    [{ code: 429 }, 'rate_limit'],
    [{ code: 418, status: 'TEAPOT' }, 'unknown'],
    [
      {
        code: 400,
        status: 'INVALID_ARGUMENT',
        details: [
          { '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: 'API_KEY_INVALID' },
        ],
      },
      'authentication',
    ],
  ];
  for (const [error, kind] of cases) {
    assert.equal(readGeminiUsage({ error }).errorKind, kind, JSON.stringify(error));
  }
});

test('junk bodies never throw and report nothing', () => {
  for (const body of [null, undefined, 'text', 42, [], [null, 'x'], { usageMetadata: 'x' }]) {
    assert.deepEqual(readGeminiUsage(body), { outputCharacters: 0 }, JSON.stringify(body));
  }
  assert.deepEqual(
    readGeminiUsage({ usageMetadata: { promptTokenCount: -1, candidatesTokenCount: 1.5 } }),
    { outputCharacters: 0 },
  );
});
