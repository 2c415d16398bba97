import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readBedrockInvokeResponse } from './read-bedrock-invoke-response.ts';

const claudeBody = {
  id: 'msg_bdrk_01',
  type: 'message',
  role: 'assistant',
  model: 'claude-sonnet-4-20250514',
  content: [{ type: 'text', text: 'Paris.' }],
  stop_reason: 'end_turn',
  usage: {
    input_tokens: 12,
    output_tokens: 3,
    cache_read_input_tokens: 900,
    cache_creation_input_tokens: 100,
    cache_creation: { ephemeral_5m_input_tokens: 40, ephemeral_1h_input_tokens: 60 },
  },
};

test('the token-count headers win over the body, for any model', () => {
  const reading = readBedrockInvokeResponse(claudeBody, {
    'x-amzn-bedrock-input-token-count': '420',
    'x-amzn-bedrock-output-token-count': '990',
    'x-amzn-bedrock-cache-read-input-token-count': '2048',
    'x-amzn-bedrock-cache-write-input-token-count': '100',
    'x-amzn-bedrock-service-tier': 'flex',
  });
  assert.deepEqual(reading, {
    reported: {
      input: 420,
      output: 990,
      cacheRead: 2_048,
      cacheWrite: 100,
      // Claude's one-hour part of the writes (60 of 100) is carried over.
      cacheWrite1h: 60,
      reasoning: 0,
    },
    serviceTier: 'flex',
    outputCharacters: 6,
  });
});

test('headers without cache counts: cache is zero beside the reported input and output', () => {
  const reading = readBedrockInvokeResponse(
    { generation: 'Hi', prompt_token_count: 5, generation_token_count: 1 },
    {
      'x-amzn-bedrock-input-token-count': '5',
      'x-amzn-bedrock-output-token-count': ['1'],
    },
  );
  assert.deepEqual(reading.reported, {
    input: 5,
    output: 1,
    cacheRead: 0,
    cacheWrite: 0,
    cacheWrite1h: 0,
    reasoning: 0,
  });
});

test('without the headers, a Claude body usage stands in', () => {
  assert.deepEqual(readBedrockInvokeResponse(claudeBody, {}).reported, {
    input: 12,
    output: 3,
    cacheRead: 900,
    cacheWrite: 100,
    cacheWrite1h: 60,
    reasoning: 0,
  });
});

test('a body from a model Bedrock does not count, without headers, reports nothing', () => {
  const reading = readBedrockInvokeResponse({ generations: [{ text: 'Hi' }] }, {});
  assert.equal(reading.reported, undefined);
  assert.equal(reading.errorKind, undefined);
});

test('error bodies name their kind', () => {
  assert.equal(
    readBedrockInvokeResponse(
      { message: 'Too many requests, please wait before trying again.' },
      {
        'x-amzn-errortype':
          'ThrottlingException:http://internal.amazon.com/coral/com.amazon.bedrock/',
      },
    ).errorKind,
    'rate_limit',
  );
  assert.equal(
    readBedrockInvokeResponse({ __type: 'com.amazonaws.bedrock#ResourceNotFoundException' }, {})
      .errorKind,
    'not_found',
  );
});

test('junk bodies and headers never throw', () => {
  for (const body of [null, undefined, [], 'text', 9, { usage: [] }]) {
    assert.deepEqual(
      readBedrockInvokeResponse(body, { 'x-amzn-bedrock-input-token-count': 'lots' }),
      { outputCharacters: 0 },
      JSON.stringify(body),
    );
  }
});
