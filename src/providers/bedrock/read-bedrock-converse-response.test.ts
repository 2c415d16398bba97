import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { readBedrockConverseResponse } from './read-bedrock-converse-response.ts';

const fixture: unknown = JSON.parse(
  readFileSync(new URL('./__fixtures__/bedrock-converse.json', import.meta.url), 'utf8'),
);

test('bedrock-converse.json: counts as Bedrock reports them, no model in the reading', () => {
  // usage: inputTokens 1180 (cache excluded), outputTokens 356, cacheReadInputTokens 6144,
  // cacheWriteInputTokens 0; totalTokens 7680 is never read.
  assert.deepEqual(readBedrockConverseResponse(fixture, {}), {
    reported: {
      input: 1_180,
      output: 356,
      cacheRead: 6_144,
      cacheWrite: 0,
      cacheWrite1h: 0,
      reasoning: 0,
    },
    // "Invoice INV-20931 is 18 days overdue; … no payment plan is on file." is 100 characters.
    outputCharacters: 100,
  });
});

test('cacheDetails split the writes: the one-hour part is kept', () => {
  const reading = readBedrockConverseResponse(
    {
      usage: {
        inputTokens: 20,
        outputTokens: 5,
        cacheWriteInputTokens: 3_000,
        cacheDetails: [
          { ttl: '1h', inputTokens: 2_000 },
          { ttl: '5m', inputTokens: 1_000 },
        ],
      },
      serviceTier: { type: 'flex' },
    },
    {},
  );
  assert.equal(reading.reported?.cacheWrite, 3_000);
  assert.equal(reading.reported?.cacheWrite1h, 2_000);
  assert.equal(reading.serviceTier, 'flex');
});

test('reasoning and tool-use blocks count as generated characters', () => {
  const reading = readBedrockConverseResponse(
    {
      output: {
        message: {
          content: [
            { reasoningContent: { reasoningText: { text: 'abc', signature: 'sig' } } },
            { text: 'de' },
            { toolUse: { toolUseId: 't', name: 'f', input: { a: 1 } } },
          ],
        },
      },
    },
    {},
  );
  assert.equal(reading.outputCharacters, 3 + 2 + '{"a":1}'.length);
  assert.equal(reading.reported, undefined);
});

test('error bodies: by __type, or by the x-amzn-errortype header beside a message', () => {
  assert.equal(
    readBedrockConverseResponse({ __type: 'ThrottlingException', message: 'slow down' }, {})
      .errorKind,
    'rate_limit',
  );
  assert.equal(
    readBedrockConverseResponse(
      { message: 'The provided model identifier is invalid.' },
      {
        'x-amzn-errortype':
          'ValidationException:http://internal.amazon.com/coral/com.amazon.bedrock/',
      },
    ).errorKind,
    'invalid_request',
  );
  assert.equal(readBedrockConverseResponse({ Message: 'Unknown' }, {}).errorKind, 'unknown');
  assert.equal(
    readBedrockConverseResponse(fixture, { 'x-amzn-errortype': 'ThrottlingException' }).errorKind,
    undefined,
    'a success body is never an error',
  );
});

test('junk bodies never throw and report nothing', () => {
  for (const body of [
    null,
    undefined,
    [],
    'text',
    3,
    { usage: 'x' },
    { usage: { inputTokens: -1 } },
  ]) {
    assert.deepEqual(
      readBedrockConverseResponse(body, {}),
      { outputCharacters: 0 },
      JSON.stringify(body),
    );
  }
});
