import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readBedrockConverseRequest } from './read-bedrock-converse-request.ts';

const tools = [
  {
    toolSpec: {
      name: 'get_payment_plan',
      inputSchema: { json: { type: 'object', properties: { invoice: { type: 'string' } } } },
    },
  },
];

test('reads the system blocks, tools, output cap, tier and prompt text', () => {
  const model = 'arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/a1b2c3';
  const facts = readBedrockConverseRequest(
    {
      system: [{ text: 'You are a collections assistant.' }, { cachePoint: { type: 'default' } }],
      messages: [
        { role: 'user', content: [{ text: 'Status of INV-20931?' }, { image: { format: 'png' } }] },
        { role: 'assistant', content: [{ text: 'Checking.' }] },
      ],
      toolConfig: { tools },
      inferenceConfig: { maxTokens: 2048, temperature: 0.2 },
      serviceTier: { type: 'priority' },
    },
    model,
  );
  assert.equal(facts.model, model);
  assert.equal(facts.stream, false, 'the path says whether it streams');
  assert.equal(facts.operation, 'converse');
  assert.equal(facts.maxOutputTokens, 2048);
  assert.equal(facts.requestedServiceTier, 'priority');
  assert.equal(facts.systemPrompt, 'You are a collections assistant.');
  assert.equal(facts.toolDefinitions, JSON.stringify(tools));
  assert.equal(
    facts.promptText(),
    'You are a collections assistant.\nStatus of INV-20931?\nChecking.',
  );
});

test('the default tier is the standard rate; absent parts stay undefined', () => {
  const facts = readBedrockConverseRequest(
    { messages: [{ role: 'user', content: [{ text: 'Hi' }] }], serviceTier: { type: 'default' } },
    undefined,
  );
  assert.equal(facts.requestedServiceTier, 'standard');
  assert.equal(facts.model, undefined);
  assert.equal(facts.systemPrompt, undefined);
  assert.equal(facts.toolDefinitions, undefined);
  assert.equal(facts.maxOutputTokens, undefined);
  assert.equal(facts.promptText(), 'Hi');
});

test('junk bodies never throw', () => {
  for (const body of [
    null,
    undefined,
    [],
    'text',
    1,
    { messages: 'x', system: 4, toolConfig: [] },
  ]) {
    const facts = readBedrockConverseRequest(body, 'amazon.nova-lite-v1:0');
    assert.equal(facts.operation, 'converse');
    assert.equal(facts.model, 'amazon.nova-lite-v1:0');
    assert.equal(facts.promptText(), '');
    assert.equal(facts.requestedServiceTier, undefined);
  }
});
