import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readBedrockInvokeRequest } from './read-bedrock-invoke-request.ts';

test('a Claude native body: system, messages, tools, max_tokens', () => {
  const tools = [{ name: 'lookup', input_schema: { type: 'object' } }];
  const facts = readBedrockInvokeRequest(
    {
      anthropic_version: 'bedrock-2023-05-31',
      max_tokens: 512,
      system: [{ type: 'text', text: 'Be terse.', cache_control: { type: 'ephemeral' } }],
      messages: [
        { role: 'user', content: 'Capital of France?' },
        { role: 'assistant', content: [{ type: 'text', text: 'Paris.' }] },
        { role: 'user', content: [{ type: 'text', text: 'And Spain?' }] },
      ],
      tools,
    },
    'us.anthropic.claude-sonnet-4-20250514-v1:0',
  );
  assert.equal(facts.model, 'us.anthropic.claude-sonnet-4-20250514-v1:0');
  assert.equal(facts.operation, 'invoke');
  assert.equal(facts.stream, false);
  assert.equal(facts.maxOutputTokens, 512);
  assert.equal(facts.systemPrompt, 'Be terse.');
  assert.equal(facts.toolDefinitions, JSON.stringify(tools));
  assert.equal(facts.promptText(), 'Be terse.\nCapital of France?\nParis.\nAnd Spain?');
});

test('other vendors: a system string, Llama prompt, Titan inputText and Nova caps', () => {
  const claude = readBedrockInvokeRequest({ system: 'Plain system.', messages: [] }, undefined);
  assert.equal(claude.systemPrompt, 'Plain system.');

  const llama = readBedrockInvokeRequest(
    { prompt: '<s>[INST] Hi [/INST]', max_gen_len: 256 },
    'meta.llama3-70b-instruct-v1:0',
  );
  assert.equal(llama.promptText(), '<s>[INST] Hi [/INST]');
  assert.equal(llama.maxOutputTokens, 256);

  const titan = readBedrockInvokeRequest(
    { inputText: 'Summarise.', textGenerationConfig: { maxTokenCount: 300 } },
    undefined,
  );
  assert.equal(titan.promptText(), 'Summarise.');
  assert.equal(titan.maxOutputTokens, 300);

  const nova = readBedrockInvokeRequest(
    {
      system: [{ text: 'Nova system.' }],
      messages: [{ role: 'user', content: [{ text: 'Hi Nova' }] }],
      inferenceConfig: { max_new_tokens: 100 },
    },
    undefined,
  );
  assert.equal(nova.promptText(), 'Nova system.\nHi Nova');
  assert.equal(nova.maxOutputTokens, 100);
});

test('junk bodies never throw', () => {
  for (const body of [
    null,
    undefined,
    [],
    'text',
    0,
    { messages: {}, prompt: 5, max_tokens: 'many' },
  ]) {
    const facts = readBedrockInvokeRequest(body, 'm');
    assert.equal(facts.operation, 'invoke');
    assert.equal(facts.promptText(), '');
    assert.equal(facts.maxOutputTokens, undefined);
  }
});
