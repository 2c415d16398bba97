import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { feedStreamReader } from '../shared/feed-stream-reader.ts';
import { openAiResponsesProtocol } from './openai-responses-protocol.ts';

const encoder = new TextEncoder();

function fixture(name: string): string {
  return readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), 'utf8');
}

function createReader() {
  return openAiResponsesProtocol.createStreamReader({
    hideUsageFromCaller: false,
    contentType: 'text/event-stream',
  });
}

test('openai-responses.json: input/output names, cache writes, flex tier', () => {
  const body: unknown = JSON.parse(fixture('openai-responses.json'));
  assert.deepEqual(openAiResponsesProtocol.readResponseUsage(body, {}), {
    model: 'gpt-5-2025-08-07',
    // input_tokens 5400 (cached 4096, cache_write 1024), output_tokens 1380 (reasoning 1152)
    reported: {
      input: 5400,
      output: 1380,
      cacheRead: 4096,
      cacheWrite: 1024,
      cacheWrite1h: 0,
      reasoning: 1152,
    },
    serviceTier: 'flex',
    outputCharacters: 0,
  });
});

test('openai-responses-stream.chunks.txt: usage from response.completed, same in every chunking', () => {
  const stream = fixture('openai-responses-stream.chunks.txt');
  const bytes = encoder.encode(stream);
  for (const size of [1, 7, bytes.length]) {
    const reader = createReader();
    const { passed, sameChunks } = feedStreamReader(reader, bytes, size);
    assert.deepEqual(passed, bytes, 'nothing is hidden');
    assert.ok(sameChunks);
    assert.equal(reader.malformed, 0);
    assert.equal(reader.firstTokenSeen, true);
    assert.deepEqual(reader.reading(), {
      model: 'gpt-5-mini-2025-08-07',
      // input_tokens 1864 (cached 1024), output_tokens 296 (reasoning 256)
      reported: {
        input: 1864,
        output: 296,
        cacheRead: 1024,
        cacheWrite: 0,
        cacheWrite1h: 0,
        reasoning: 256,
      },
      // response.created says "auto", response.completed says "default": both standard
      serviceTier: 'standard',
      // "The invoice" " total is" " €4,210.50" " including VAT." = 11+9+10+15
      outputCharacters: 45,
    });
  }
});

test('a failed response gives its usage and error; reasoning and tool arguments are generated', () => {
  const stream = [
    'event: response.reasoning_text.delta\ndata: {"type":"response.reasoning_text.delta","delta":"hmm"}',
    'event: response.function_call_arguments.delta\ndata: {"type":"response.function_call_arguments.delta","delta":"{\\"q\\":1}"}',
    'event: response.failed\ndata: {"type":"response.failed","response":{"model":"gpt-5","status":"failed","error":{"code":"server_error","message":"x"},"usage":{"input_tokens":50,"output_tokens":3}}}',
    '',
  ].join('\n\n');
  const reader = createReader();
  feedStreamReader(reader, encoder.encode(stream), 4);
  assert.deepEqual(reader.reading(), {
    model: 'gpt-5',
    reported: { input: 50, output: 3, cacheRead: 0, cacheWrite: 0, cacheWrite1h: 0, reasoning: 0 },
    errorKind: 'server_error',
    outputCharacters: 10,
  });
});

test('an error event sets the error kind from its code; malformed data is counted', () => {
  const stream =
    'event: error\ndata: {"type":"error","code":"rate_limit_exceeded","message":"slow down","param":null,"sequence_number":3}\n\n' +
    'event: response.output_text.delta\ndata: not json\n\n';
  const reader = createReader();
  feedStreamReader(reader, encoder.encode(stream), stream.length);
  assert.deepEqual(reader.reading(), { errorKind: 'rate_limit', outputCharacters: 0 });
  assert.equal(reader.malformed, 1);
  assert.equal(reader.firstTokenSeen, false);
});

test('reads the request: instructions and system items, cap, tier, tools, prompt text', () => {
  const tools = [{ type: 'function', name: 'get_invoice', parameters: {} }];
  const facts = openAiResponsesProtocol.readRequest(
    {
      model: 'gpt-5',
      stream: true,
      user: 'user-9',
      max_output_tokens: 4000,
      service_tier: 'priority',
      instructions: 'Be brief.',
      tools,
      input: [
        { role: 'developer', content: [{ type: 'input_text', text: 'Use euros.' }] },
        { role: 'user', content: 'Total?' },
        { type: 'function_call', call_id: 'c1', name: 'get_invoice', arguments: '{"id":7}' },
        { type: 'function_call_output', call_id: 'c1', output: '{"total":12}' },
      ],
    },
    undefined,
  );
  assert.equal(facts.operation, 'responses');
  assert.equal(facts.model, 'gpt-5');
  assert.equal(facts.stream, true);
  assert.equal(facts.user, 'user-9');
  assert.equal(facts.maxOutputTokens, 4000);
  assert.equal(facts.requestedServiceTier, 'priority');
  assert.equal(facts.systemPrompt, 'Be brief.\nUse euros.');
  assert.equal(facts.toolDefinitions, JSON.stringify(tools));
  assert.equal(facts.promptText(), 'Be brief.\nUse euros.\nTotal?\n{"id":7}\n{"total":12}');
});

test('a string input is the prompt; junk bodies never throw', () => {
  const facts = openAiResponsesProtocol.readRequest({ model: 'gpt-5', input: 'Hello' }, undefined);
  assert.equal(facts.promptText(), 'Hello');
  assert.equal(facts.systemPrompt, undefined);
  assert.equal(facts.stream, false);
  assert.equal('requestStreamUsage' in openAiResponsesProtocol, false, 'usage always arrives');
  for (const junk of [null, [], 'text']) {
    const bare = openAiResponsesProtocol.readRequest(junk, undefined);
    assert.deepEqual(
      { ...bare, promptText: bare.promptText() },
      {
        stream: false,
        operation: 'responses',
        promptText: '',
      },
    );
    assert.deepEqual(openAiResponsesProtocol.readResponseUsage(junk, {}), { outputCharacters: 0 });
  }
});
