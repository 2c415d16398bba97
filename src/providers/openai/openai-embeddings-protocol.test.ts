import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { openAiEmbeddingsProtocol } from './openai-embeddings-protocol.ts';

test('openai-embeddings.json: prompt_tokens are input, nothing is output', () => {
  const body: unknown = JSON.parse(
    readFileSync(new URL('./__fixtures__/openai-embeddings.json', import.meta.url), 'utf8'),
  );
  assert.deepEqual(openAiEmbeddingsProtocol.readResponseUsage(body, {}), {
    model: 'text-embedding-3-small',
    // usage: prompt_tokens 17, total_tokens 17
    reported: { input: 17, output: 0, cacheRead: 0, cacheWrite: 0, cacheWrite1h: 0, reasoning: 0 },
    outputCharacters: 0,
  });
});

test('reads the request: model, user, input texts; never a stream', () => {
  const facts = openAiEmbeddingsProtocol.readRequest(
    {
      model: 'text-embedding-3-small',
      input: ['first', 'second', [1, 2]],
      user: 'u1',
      stream: true,
    },
    undefined,
  );
  assert.equal(facts.operation, 'embeddings');
  assert.equal(facts.model, 'text-embedding-3-small');
  assert.equal(facts.user, 'u1');
  assert.equal(facts.stream, false);
  assert.equal(facts.promptText(), 'first\nsecond');
  assert.equal(
    openAiEmbeddingsProtocol.readRequest({ input: 'one' }, 'deployment').promptText(),
    'one',
  );
});

test('junk bodies never throw; the stream reader passes bytes through', () => {
  for (const junk of [null, [], 'text']) {
    const facts = openAiEmbeddingsProtocol.readRequest(junk, undefined);
    assert.deepEqual(
      { ...facts, promptText: facts.promptText() },
      {
        stream: false,
        operation: 'embeddings',
        promptText: '',
      },
    );
  }
  const reader = openAiEmbeddingsProtocol.createStreamReader({
    hideUsageFromCaller: false,
    contentType: 'application/json',
  });
  const chunk = new TextEncoder().encode('{"data":[]}');
  assert.equal(reader.push(chunk), chunk);
  assert.equal(reader.end().length, 0);
  assert.deepEqual(reader.reading(), { outputCharacters: 0 });
});
