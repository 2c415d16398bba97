import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createAnthropic } from '@ai-sdk/anthropic';
import { createOpenAI } from '@ai-sdk/openai';
import { generateText, streamText, wrapLanguageModel } from 'ai';
import { MockLanguageModelV3 } from 'ai/test';
import { startStandIn, type StandIn } from '../../src/demo/stand-ins/index.ts';
import type { PricedUsageEvent } from '../../src/domain/usage-event.ts';
import { createTokenops, type Tokenops } from '../../src/sdk/index.ts';
import { startGatewayHarness, type GatewayHarness } from '../helpers/gateway-harness.ts';
import { sdkEventOf } from '../helpers/sdk-event-of.ts';
import { tempDirectory } from '../helpers/temp-directory.ts';

const directory = tempDirectory('sdk-ai');
let openaiStandIn: StandIn;
let anthropicStandIn: StandIn;
let server: GatewayHarness;
let tokenops: Tokenops;
const errors: Error[] = [];

before(async () => {
  openaiStandIn = await startStandIn({
    kind: 'openai',
    usage: { prompt_tokens: 900, completion_tokens: 120, cached_tokens: 512, reasoning_tokens: 40 },
  });
  anthropicStandIn = await startStandIn({
    kind: 'anthropic',
    usage: {
      input_tokens: 30,
      output_tokens: 200,
      cache_read_input_tokens: 1000,
      cache_creation_1h: 256,
    },
  });
  server = await startGatewayHarness({ directory, providers: {} });
  tokenops = createTokenops({ url: server.base, onError: (error) => errors.push(error) });
});

after(async () => {
  await tokenops.shutdown();
  await server.close();
  await openaiStandIn.close();
  await anthropicStandIn.close();
});

async function eventOf(feature: string): Promise<PricedUsageEvent> {
  const event = await sdkEventOf(tokenops, server, feature);
  assert.equal(event.tags.team, 'ai');
  return event;
}

const openai = () => createOpenAI({ apiKey: 'sk-test', baseURL: `${openaiStandIn.url}/v1` });
const anthropic = () =>
  createAnthropic({ apiKey: 'sk-ant-test', baseURL: `${anthropicStandIn.url}/v1` });

// 900 prompt tokens with 512 cached; 120 completion tokens of which 40 reasoning.
const openAiTokens = {
  input: 900,
  output: 120,
  cacheRead: 512,
  cacheWrite: 0,
  cacheWrite1h: 0,
  reasoning: 40,
};

test('generateText on an OpenAI chat model: exact tokens from the raw usage', async () => {
  const model = wrapLanguageModel({
    model: openai().chat('gpt-4o-mini'),
    middleware: tokenops.aiSdkMiddleware({ tags: { team: 'ai', feature: 'generate-chat' } }),
  });
  const result = await generateText({ model, system: 'Be brief.', prompt: 'hi' });
  assert.ok(result.text.length > 0);
  const event = await eventOf('generate-chat');
  assert.equal(event.provider, 'openai');
  assert.equal(event.operation, 'chat');
  assert.deepEqual(event.tokens, openAiTokens);
  assert.ok((event.prompt?.systemPromptTokens ?? 0) > 0);
});

test('streamText on an OpenAI responses model: tokens and time to first token', async () => {
  const model = wrapLanguageModel({
    model: openai().responses('gpt-4o-mini'),
    middleware: tokenops.aiSdkMiddleware({ tags: { team: 'ai', feature: 'stream-responses' } }),
  });
  const result = streamText({ model, prompt: 'hi' });
  let text = '';
  for await (const delta of result.textStream) text += delta;
  assert.ok(text.length > 0);
  const event = await eventOf('stream-responses');
  assert.equal(event.operation, 'responses');
  assert.deepEqual(event.tokens, openAiTokens);
  assert.ok(event.timeToFirstTokenMs !== undefined);
});

test('streamText on an Anthropic model: cache reads and one-hour writes counted as the gateway does', async () => {
  const model = wrapLanguageModel({
    model: anthropic()('claude-sonnet-4-5-20250929'),
    middleware: tokenops.aiSdkMiddleware({ tags: { team: 'ai', feature: 'stream-anthropic' } }),
  });
  const result = streamText({ model, prompt: 'hi' });
  for await (const delta of result.textStream) assert.equal(typeof delta, 'string');
  const event = await eventOf('stream-anthropic');
  assert.equal(event.provider, 'anthropic');
  // Anthropic's input excludes the cache: 30 + 1,000 read + 256 written (one-hour).
  assert.deepEqual(event.tokens, {
    input: 1286,
    output: 200,
    cacheRead: 1000,
    cacheWrite: 256,
    cacheWrite1h: 256,
    reasoning: 0,
  });
});

test('a failed call is recorded as an error and still fails for the caller as it would have', async () => {
  const model = wrapLanguageModel({
    model: openai().chat('gpt-4o-mini'),
    middleware: tokenops.aiSdkMiddleware({ tags: { team: 'ai', feature: 'failing' } }),
  });
  await assert.rejects(
    generateText({
      model,
      prompt: 'hi',
      maxRetries: 0,
      headers: { 'x-stand-in-scenario': 'error-500' },
    }),
  );
  const event = await eventOf('failing');
  assert.equal(event.status, 'error');
  assert.equal(event.errorKind, 'server_error');
});

test('a model tokenops has no reader for is metered from the AI SDK counts, not normalised twice', async () => {
  const model = wrapLanguageModel({
    model: new MockLanguageModelV3({
      provider: 'acme.chat',
      modelId: 'gpt-4o-mini',
      doGenerate: {
        content: [{ type: 'text', text: 'ok' }],
        finishReason: { unified: 'stop', raw: 'stop' },
        warnings: [],
        usage: {
          inputTokens: { total: 1000, noCache: 700, cacheRead: 200, cacheWrite: 100 },
          outputTokens: { total: 50, text: 40, reasoning: 10 },
        },
      },
    }),
    middleware: tokenops.aiSdkMiddleware({
      provider: 'anthropic',
      tags: { team: 'ai', feature: 'normalised' },
    }),
  });
  await generateText({ model, prompt: 'hi' });
  const event = await eventOf('normalised');
  assert.equal(event.provider, 'anthropic');
  // As the AI SDK gives them: input already includes the 300 cached tokens.
  assert.deepEqual(event.tokens, {
    input: 1000,
    output: 50,
    cacheRead: 200,
    cacheWrite: 100,
    cacheWrite1h: 0,
    reasoning: 10,
  });
});

test('no errors on the way to the server', () => {
  assert.deepEqual(errors, []);
});
