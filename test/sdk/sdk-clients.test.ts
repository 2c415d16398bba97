import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import { startStandIn, type StandIn } from '../../src/demo/stand-ins/index.ts';
import type { PricedUsageEvent } from '../../src/domain/usage-event.ts';
import { createTokenops, type Tokenops } from '../../src/sdk/index.ts';
import { startGatewayHarness, type GatewayHarness } from '../helpers/gateway-harness.ts';
import {
  ANTHROPIC_TOKENS,
  ANTHROPIC_USAGE,
  OPENAI_TOKENS,
  OPENAI_USAGE,
} from '../helpers/client-usage.ts';
import { sdkEventOf } from '../helpers/sdk-event-of.ts';
import { tempDirectory } from '../helpers/temp-directory.ts';

const directory = tempDirectory('sdk-clients');
let openaiStandIn: StandIn;
let anthropicStandIn: StandIn;
let server: GatewayHarness;
let tokenops: Tokenops;
let openai: OpenAI;
let anthropic: Anthropic;
const errors: Error[] = [];

before(async () => {
  openaiStandIn = await startStandIn({ kind: 'openai', usage: OPENAI_USAGE });
  anthropicStandIn = await startStandIn({ kind: 'anthropic', usage: ANTHROPIC_USAGE });
  server = await startGatewayHarness({ directory, providers: {} });
  tokenops = createTokenops({
    url: server.base,
    tags: { team: 'platform', environment: 'test' },
    onError: (error) => errors.push(error),
  });
  openai = tokenops.wrapOpenAI(
    new OpenAI({ apiKey: 'sk-test', baseURL: `${openaiStandIn.url}/v1` }),
    { tags: { service: 'assistant' } },
  );
  anthropic = tokenops.wrapAnthropic(
    new Anthropic({ apiKey: 'sk-ant-test', baseURL: anthropicStandIn.url }),
    { tags: { service: 'assistant' } },
  );
});

after(async () => {
  await tokenops.shutdown();
  await server.close();
  await openaiStandIn.close();
  await anthropicStandIn.close();
});

/** The one SDK event of a feature, with the tags of the SDK, the wrapper and the call merged. */
async function eventOf(feature: string): Promise<PricedUsageEvent> {
  const event = await sdkEventOf(tokenops, server, feature);
  assert.deepEqual(event.tags, {
    team: 'platform',
    environment: 'test',
    service: 'assistant',
    feature,
  });
  return event;
}

const feature = (name: string) => ({ headers: { 'x-tokenops-feature': name } });

test('openai chat.completions.create: priced exactly, tags from the SDK, the wrapper and the call', async () => {
  const completion = await openai.chat.completions.create(
    { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] },
    feature('json-chat'),
  );
  assert.equal(completion.usage?.prompt_tokens, 1500);
  const event = await eventOf('json-chat');
  assert.deepEqual(event.tokens, OPENAI_TOKENS);
  assert.equal(event.provider, 'openai');
  assert.equal(event.operation, 'chat');
  // gpt-4o-mini: 476 uncached × $0.15/M + 1,024 cached × $0.075/M + 220 output × $0.60/M.
  assert.equal(event.pricing.effective?.total, 0.0002802);
  const sent = openaiStandIn.requests.at(-1)!;
  assert.equal(
    Object.keys(sent.headers).filter((name) => name.startsWith('x-tokenops-')).length,
    0,
    'tokenops headers never reach the provider',
  );
});

test('openai streaming chat: the caller sees no usage chunk it did not ask for; the event has it', async () => {
  const stream = await openai.chat.completions.create(
    { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }], stream: true },
    feature('stream-chat'),
  );
  let text = '';
  for await (const chunk of stream) {
    assert.equal(chunk.usage ?? null, null);
    text += chunk.choices[0]?.delta.content ?? '';
  }
  assert.ok(text.length > 0);
  assert.match(openaiStandIn.requests.at(-1)!.body, /"include_usage":true/);
  const event = await eventOf('stream-chat');
  assert.deepEqual(event.tokens, OPENAI_TOKENS);
  assert.ok(event.timeToFirstTokenMs !== undefined);
});

test('openai responses.create streamed, and embeddings', async () => {
  const stream = await openai.responses.create(
    { model: 'gpt-4o-mini', input: 'hi', stream: true },
    feature('responses'),
  );
  for await (const part of stream) assert.ok(part.type);
  assert.deepEqual((await eventOf('responses')).tokens, OPENAI_TOKENS);
  await openai.embeddings.create(
    { model: 'text-embedding-3-small', input: 'hello' },
    feature('embeddings'),
  );
  const embedding = await eventOf('embeddings');
  assert.equal(embedding.operation, 'embeddings');
  assert.equal(embedding.tokens.input, 1500);
});

test('anthropic messages.create and messages.stream', async () => {
  const message = await anthropic.messages.create(
    {
      model: 'claude-sonnet-4-5-20250929',
      max_tokens: 100,
      system: 'You are terse.',
      messages: [{ role: 'user', content: 'hi' }],
    },
    feature('anthropic-json'),
  );
  assert.equal(message.usage.input_tokens, 40);
  const json = await eventOf('anthropic-json');
  assert.deepEqual(json.tokens, ANTHROPIC_TOKENS);
  assert.ok((json.prompt?.systemPromptTokens ?? 0) > 0, 'the system prompt is measured');
  assert.match(json.promptFingerprint ?? '', /^[0-9a-f]{16}$/);

  const stream = anthropic.messages.stream(
    {
      model: 'claude-sonnet-4-5-20250929',
      max_tokens: 100,
      messages: [{ role: 'user', content: 'hi' }],
    },
    feature('anthropic-stream'),
  );
  assert.equal((await stream.finalMessage()).usage.output_tokens, 310);
  const streamed = await eventOf('anthropic-stream');
  assert.deepEqual(streamed.tokens, ANTHROPIC_TOKENS);
  assert.equal(streamed.operation, 'messages');
});

test('a provider error reaches the caller unchanged and is recorded with its kind', async () => {
  await assert.rejects(
    openai.chat.completions.create(
      { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] },
      {
        maxRetries: 0,
        headers: { 'x-tokenops-feature': 'rate-limited', 'x-stand-in-scenario': 'error-429' },
      },
    ),
    (error: unknown) => error instanceof OpenAI.RateLimitError,
  );
  const event = await eventOf('rate-limited');
  assert.equal(event.status, 'error');
  assert.equal(event.errorKind, 'rate_limit');
});

test('nothing went wrong on the way to the server', () => {
  assert.deepEqual(errors, []);
});
