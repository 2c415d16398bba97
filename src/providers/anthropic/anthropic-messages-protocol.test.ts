import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { anthropicMessagesProtocol } from './anthropic-messages-protocol.ts';

function fixture(name: string): unknown {
  return JSON.parse(readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), 'utf8'));
}

test('anthropic-message.json: counts as reported, input excludes the cache', () => {
  assert.deepEqual(
    anthropicMessagesProtocol.readResponseUsage(fixture('anthropic-message.json'), {}),
    {
      model: 'claude-sonnet-4-5-20250929',
      // input_tokens 1250, cache_read 18432, cache_creation 2100 (all 5-minute), output 540
      reported: {
        input: 1250,
        output: 540,
        cacheRead: 18432,
        cacheWrite: 2100,
        cacheWrite1h: 0,
        reasoning: 0,
      },
      serviceTier: 'standard',
      outputCharacters: 0,
    },
  );
});

test('anthropic-message-thinking.json: one-hour writes and thinking tokens, priority tier', () => {
  assert.deepEqual(
    anthropicMessagesProtocol.readResponseUsage(fixture('anthropic-message-thinking.json'), {}),
    {
      model: 'claude-sonnet-4-5-20250929',
      // cache_creation 6144 = 2048 (5m) + 4096 (1h); output 1730 of which thinking 1408
      reported: {
        input: 312,
        output: 1730,
        cacheRead: 24576,
        cacheWrite: 6144,
        cacheWrite1h: 4096,
        reasoning: 1408,
      },
      serviceTier: 'priority',
      outputCharacters: 0,
    },
  );
});

test('anthropic-rate-limit-error.json: a rate_limit error, no usage', () => {
  assert.deepEqual(
    anthropicMessagesProtocol.readResponseUsage(fixture('anthropic-rate-limit-error.json'), {}),
    { errorKind: 'rate_limit', outputCharacters: 0 },
  );
});

test('every Anthropic error type has its kind', () => {
  const kinds = {
    rate_limit_error: 'rate_limit',
    overloaded_error: 'overloaded',
    api_error: 'server_error',
    invalid_request_error: 'invalid_request',
    authentication_error: 'authentication',
    permission_error: 'permission',
    not_found_error: 'not_found',
    request_too_large: 'request_too_large',
    timeout_error: 'timeout',
    billing_error: 'unknown',
  };
  for (const [type, kind] of Object.entries(kinds)) {
    const body = { type: 'error', error: { type, message: 'x' } };
    assert.equal(anthropicMessagesProtocol.readResponseUsage(body, {}).errorKind, kind, type);
  }
});

test('reads the request: model, stream, user, cap, system blocks, tools, prompt text', () => {
  const tools = [{ name: 'get_invoice', input_schema: { type: 'object' } }];
  const facts = anthropicMessagesProtocol.readRequest(
    {
      model: 'claude-sonnet-4-5',
      stream: true,
      max_tokens: 1024,
      metadata: { user_id: 'user-42' },
      system: [
        { type: 'text', text: 'You audit contracts.', cache_control: { type: 'ephemeral' } },
        { type: 'text', text: 'Cite clauses.' },
      ],
      tools,
      messages: [
        { role: 'user', content: 'Renewal date?' },
        {
          role: 'assistant',
          content: [{ type: 'tool_use', id: 't1', name: 'get_invoice', input: { id: 7 } }],
        },
        {
          role: 'user',
          content: [
            {
              type: 'tool_result',
              tool_use_id: 't1',
              content: [{ type: 'text', text: '1 April' }],
            },
          ],
        },
      ],
    },
    undefined,
  );
  assert.equal(facts.operation, 'messages');
  assert.equal(facts.model, 'claude-sonnet-4-5');
  assert.equal(facts.stream, true);
  assert.equal(facts.user, 'user-42');
  assert.equal(facts.maxOutputTokens, 1024);
  assert.equal(facts.requestedServiceTier, undefined);
  assert.equal(facts.systemPrompt, 'You audit contracts.\nCite clauses.');
  assert.equal(facts.toolDefinitions, JSON.stringify(tools));
  assert.equal(
    facts.promptText(),
    'You audit contracts.\nCite clauses.\nRenewal date?\n{"id":7}\n1 April',
  );
});

test('a string system prompt; no tools; junk bodies never throw', () => {
  const facts = anthropicMessagesProtocol.readRequest(
    { model: 'claude-haiku-4-5', system: 'Be kind.', messages: [{ role: 'user', content: 'Hi' }] },
    undefined,
  );
  assert.equal(facts.systemPrompt, 'Be kind.');
  assert.equal(facts.toolDefinitions, undefined);
  assert.equal(facts.stream, false);
  assert.equal(facts.promptText(), 'Be kind.\nHi');
  for (const junk of [null, [], 'text']) {
    const bare = anthropicMessagesProtocol.readRequest(junk, undefined);
    assert.deepEqual(
      { ...bare, promptText: bare.promptText() },
      {
        stream: false,
        operation: 'messages',
        promptText: '',
      },
    );
    assert.deepEqual(anthropicMessagesProtocol.readResponseUsage(junk, {}), {
      outputCharacters: 0,
    });
  }
  assert.equal('requestStreamUsage' in anthropicMessagesProtocol, false, 'usage always arrives');
});
