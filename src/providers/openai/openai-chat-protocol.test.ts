import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { openAiChatProtocol } from './openai-chat-protocol.ts';

function fixture(name: string): unknown {
  return JSON.parse(readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), 'utf8'));
}

test('openai-chat-completion.json: counts as reported, tier default is standard', () => {
  assert.deepEqual(
    openAiChatProtocol.readResponseUsage(fixture('openai-chat-completion.json'), {}),
    {
      model: 'o4-mini-2025-04-16',
      // prompt_tokens 3200 (cached 2048), completion_tokens 920 (reasoning 640)
      reported: {
        input: 3200,
        output: 920,
        cacheRead: 2048,
        cacheWrite: 0,
        cacheWrite1h: 0,
        reasoning: 640,
      },
      serviceTier: 'standard',
      outputCharacters: 0,
    },
  );
});

test('openai-rate-limit-error.json: no usage, a rate_limit error', () => {
  assert.deepEqual(
    openAiChatProtocol.readResponseUsage(fixture('openai-rate-limit-error.json'), {}),
    {
      errorKind: 'rate_limit',
      outputCharacters: 0,
    },
  );
});

test('cache_write_tokens is read as cache writes; missing counts are 0', () => {
  const reading = openAiChatProtocol.readResponseUsage(
    { usage: { prompt_tokens: 10_000, prompt_tokens_details: { cache_write_tokens: 3_000 } } },
    {},
  );
  assert.deepEqual(reading.reported, {
    input: 10_000,
    output: 0,
    cacheRead: 0,
    cacheWrite: 3_000,
    cacheWrite1h: 0,
    reasoning: 0,
  });
});

test('reads the request: model, stream, user, cap, tier, system prompt, tools, prompt text', () => {
  const tools = [{ type: 'function', function: { name: 'get_invoice', parameters: {} } }];
  const facts = openAiChatProtocol.readRequest(
    {
      model: 'gpt-4o-mini',
      stream: true,
      user: 'user-17',
      max_tokens: 100,
      max_completion_tokens: 800,
      service_tier: 'flex',
      tools,
      messages: [
        { role: 'system', content: 'You are terse.' },
        { role: 'developer', content: [{ type: 'text', text: 'Answer in French.' }] },
        {
          role: 'user',
          content: [
            { type: 'text', text: 'Describe' },
            { type: 'image_url', image_url: { url: 'https://example.com/a.png' } },
          ],
        },
        {
          role: 'assistant',
          content: null,
          tool_calls: [
            { id: 'c1', type: 'function', function: { name: 'f', arguments: '{"a":1}' } },
          ],
        },
      ],
    },
    undefined,
  );
  assert.equal(facts.model, 'gpt-4o-mini');
  assert.equal(facts.stream, true);
  assert.equal(facts.operation, 'chat');
  assert.equal(facts.user, 'user-17');
  assert.equal(facts.maxOutputTokens, 800, 'max_completion_tokens wins over max_tokens');
  assert.equal(facts.requestedServiceTier, 'flex');
  assert.equal(facts.systemPrompt, 'You are terse.\nAnswer in French.');
  assert.equal(facts.toolDefinitions, JSON.stringify(tools));
  assert.equal(facts.promptText(), 'You are terse.\nAnswer in French.\nDescribe\n{"a":1}');
});

test('a plain request has no system prompt, tools, cap or tier', () => {
  const facts = openAiChatProtocol.readRequest(
    {
      model: 'gpt-4o',
      max_tokens: 50,
      service_tier: 'auto',
      messages: [{ role: 'user', content: 'Hi' }],
    },
    undefined,
  );
  assert.equal(facts.stream, false);
  assert.equal(facts.maxOutputTokens, 50);
  assert.equal(facts.requestedServiceTier, undefined);
  assert.equal(facts.systemPrompt, undefined);
  assert.equal(facts.toolDefinitions, undefined);
  assert.equal(facts.promptText(), 'Hi');
});

test('legacy functions count as tool definitions; a path model fills in for a missing one', () => {
  const functions = [{ name: 'lookup', parameters: {} }];
  const facts = openAiChatProtocol.readRequest({ functions, messages: [] }, 'my-deployment');
  assert.equal(facts.toolDefinitions, JSON.stringify(functions));
  assert.equal(facts.model, 'my-deployment');
});

test('junk bodies never throw', () => {
  for (const junk of [null, [], 'text', 42, undefined]) {
    const facts = openAiChatProtocol.readRequest(junk, undefined);
    assert.deepEqual(
      { ...facts, promptText: facts.promptText() },
      {
        stream: false,
        operation: 'chat',
        promptText: '',
      },
    );
    assert.deepEqual(openAiChatProtocol.readResponseUsage(junk, {}), { outputCharacters: 0 });
  }
  const odd = openAiChatProtocol.readRequest(
    { messages: [null, 3, { role: 'system' }] },
    undefined,
  );
  assert.equal(odd.promptText(), '');
  assert.equal(odd.systemPrompt, undefined);
});

test('requestStreamUsage asks a stream for usage on a new body and hides it from the caller', () => {
  const body = {
    model: 'gpt-4o-mini',
    stream: true,
    stream_options: { include_obfuscation: false },
  };
  const request = openAiChatProtocol.requestStreamUsage?.(body);
  assert.deepEqual(request, {
    body: {
      model: 'gpt-4o-mini',
      stream: true,
      stream_options: { include_obfuscation: false, include_usage: true },
    },
    hideUsageFromCaller: true,
  });
  assert.deepEqual(
    body.stream_options,
    { include_obfuscation: false },
    'the caller body is untouched',
  );
  assert.deepEqual(openAiChatProtocol.requestStreamUsage?.({ stream: true })?.body.stream_options, {
    include_usage: true,
  });
});

test('requestStreamUsage names the member it adds only when the caller had no stream_options', () => {
  assert.deepEqual(openAiChatProtocol.requestStreamUsage?.({ stream: true })?.addedMembers, {
    stream_options: { include_usage: true },
  });
  // null or an object of the caller's is replaced or merged: the body must be written anew.
  for (const stream_options of [null, { include_obfuscation: false }]) {
    const request = openAiChatProtocol.requestStreamUsage?.({ stream: true, stream_options });
    assert.equal(request?.addedMembers, undefined, JSON.stringify(stream_options));
  }
});

test('requestStreamUsage leaves alone a caller who asked for usage, and non-streams', () => {
  for (const body of [
    { stream: true, stream_options: { include_usage: true } },
    { stream: false },
    {},
  ]) {
    assert.equal(openAiChatProtocol.requestStreamUsage?.(body), undefined, JSON.stringify(body));
  }
});
