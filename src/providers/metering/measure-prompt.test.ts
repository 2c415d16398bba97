import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { RequestFacts } from '../wire-protocol.ts';
import { createPromptMeasurer } from './measure-prompt.ts';

/** A measurer whose tokenizer counts words and records every text it was asked to count. */
function measurerCountingCalls() {
  const counted: string[] = [];
  const ids = new Map<string, string>();
  const measurer = createPromptMeasurer(
    // A stand-in hash: distinct texts differ in the 16 hex digits a fingerprint keeps.
    (text) => {
      if (!ids.has(text)) ids.set(text, ids.size.toString(16).padStart(16, '0').padEnd(64, '0'));
      return ids.get(text) as string;
    },
    () => ({
      countTokens: (text) => {
        counted.push(text);
        return text.split(' ').length;
      },
    }),
  );
  return { measurer, counted };
}

const facts = (systemPrompt: string): RequestFacts => ({
  stream: false,
  operation: 'chat',
  systemPrompt,
  promptText: () => systemPrompt,
});

it('counts a system prompt once, then answers repeats from its cache', () => {
  const { measurer, counted } = measurerCountingCalls();
  const first = measurer.measure(facts('You are terse.'), 'o200k_base');
  const again = measurer.measure(facts('You are terse.'), 'o200k_base');
  assert.deepEqual(first?.composition, { systemPromptTokens: 3, toolDefinitionTokens: 0 });
  assert.deepEqual(again, first);
  assert.deepEqual(counted, ['You are terse.']);
});

it('keeps the prompts in use when 10,000 others have passed through since', () => {
  const { measurer, counted } = measurerCountingCalls();
  measurer.measure(facts('kept'), 'o200k_base');
  measurer.measure(facts('dropped'), 'o200k_base');
  for (let index = 0; index < 10_000; index += 1) {
    measurer.measure(facts(`prompt ${index}`), 'o200k_base');
    // In use all along, so never the least recently used.
    if (index % 1_000 === 0) measurer.measure(facts('kept'), 'o200k_base');
  }
  counted.length = 0;
  measurer.measure(facts('kept'), 'o200k_base');
  measurer.measure(facts('dropped'), 'o200k_base');
  assert.deepEqual(counted, ['dropped']);
});
