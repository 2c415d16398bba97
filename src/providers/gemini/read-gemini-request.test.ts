import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readGeminiRequest } from './read-gemini-request.ts';

const tools = [
  {
    functionDeclarations: [
      {
        name: 'lookup_account',
        parameters: { type: 'object', properties: { id: { type: 'string' } } },
      },
    ],
  },
];

test('reads the system instruction, tools, output cap and prompt text', () => {
  const facts = readGeminiRequest(
    {
      systemInstruction: { parts: [{ text: 'You are terse.' }, { text: 'Cite sources.' }] },
      contents: [
        {
          role: 'user',
          parts: [{ text: 'Why do accounts churn?' }, { inlineData: { data: 'AA==' } }],
        },
        { role: 'model', parts: [{ text: 'Mostly onboarding.' }] },
        { role: 'user', parts: [{ text: 'And SSO?' }] },
      ],
      tools,
      generationConfig: { maxOutputTokens: 1024, thinkingConfig: { thinkingBudget: 512 } },
      stream: true,
    },
    'gemini-2.5-flash',
  );
  assert.equal(facts.model, 'gemini-2.5-flash');
  // The path says whether it streams; a `stream` field in the body means nothing to Gemini.
  assert.equal(facts.stream, false);
  assert.equal(facts.operation, 'generate_content');
  assert.equal(facts.maxOutputTokens, 1024);
  assert.equal(facts.systemPrompt, 'You are terse.\nCite sources.');
  assert.equal(facts.toolDefinitions, JSON.stringify(tools));
  assert.equal(
    facts.promptText(),
    'You are terse.\nCite sources.\nWhy do accounts churn?\nMostly onboarding.\nAnd SSO?',
  );
  assert.equal(facts.user, undefined);
});

test('snake_case field names, as in Google curl examples, are read too', () => {
  const facts = readGeminiRequest(
    {
      system_instruction: { parts: [{ text: 'Be brief.' }] },
      contents: [{ parts: [{ text: 'Hi' }] }],
      generation_config: { max_output_tokens: 64 },
    },
    'gemini-2.5-pro',
  );
  assert.equal(facts.systemPrompt, 'Be brief.');
  assert.equal(facts.maxOutputTokens, 64);
  assert.equal(facts.promptText(), 'Be brief.\nHi');
});

test('absent parts stay undefined, never empty strings or zero', () => {
  const facts = readGeminiRequest(
    { contents: [{ parts: [{ text: 'Hi' }] }], tools: [] },
    undefined,
  );
  assert.equal(facts.model, undefined);
  assert.equal(facts.systemPrompt, undefined);
  assert.equal(facts.toolDefinitions, undefined);
  assert.equal(facts.maxOutputTokens, undefined);
  assert.equal(facts.promptText(), 'Hi');
});

test('junk bodies never throw', () => {
  for (const body of [null, undefined, [], 'text', 7, { contents: 'x', systemInstruction: 5 }]) {
    const facts = readGeminiRequest(body, 'gemini-2.5-flash');
    assert.equal(facts.model, 'gemini-2.5-flash');
    assert.equal(facts.operation, 'generate_content');
    assert.equal(facts.stream, false);
    assert.equal(facts.promptText(), '');
  }
  const odd = readGeminiRequest(
    {
      contents: [null, { parts: [7, { text: 3 }, { text: 'ok' }] }],
      generationConfig: { maxOutputTokens: -5 },
    },
    undefined,
  );
  assert.equal(odd.promptText(), 'ok');
  assert.equal(odd.maxOutputTokens, undefined);
});
