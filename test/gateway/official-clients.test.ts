import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import { startStandIn, type StandIn } from '../../src/demo/stand-ins/index.ts';
import type { PricedUsageEvent } from '../../src/domain/usage-event.ts';
import { startGatewayHarness, type GatewayHarness } from '../helpers/gateway-harness.ts';
import {
  ANTHROPIC_TOKENS,
  ANTHROPIC_USAGE,
  OPENAI_TOKENS,
  OPENAI_USAGE,
} from '../helpers/client-usage.ts';
import { tempDirectory } from '../helpers/temp-directory.ts';

let openaiStandIn: StandIn;
let anthropicStandIn: StandIn;
let gateway: GatewayHarness;
let openai: OpenAI;
let anthropic: Anthropic;

const directory = tempDirectory('gateway-clients');

before(async () => {
  openaiStandIn = await startStandIn({ kind: 'openai', usage: OPENAI_USAGE });
  anthropicStandIn = await startStandIn({ kind: 'anthropic', usage: ANTHROPIC_USAGE });
  gateway = await startGatewayHarness({
    directory,
    providers: {
      openai: { baseUrl: openaiStandIn.url },
      anthropic: { baseUrl: anthropicStandIn.url },
    },
  });
  const defaultHeaders = { 'x-tokenops-team': 'clients', 'x-tokenops-feature': 'sdk-test' };
  openai = new OpenAI({ apiKey: 'sk-test', baseURL: `${gateway.base}/openai/v1`, defaultHeaders });
  anthropic = new Anthropic({
    apiKey: 'sk-ant-test',
    baseURL: `${gateway.base}/anthropic`,
    defaultHeaders,
  });
});

after(async () => {
  await gateway.close();
  await openaiStandIn.close();
  await anthropicStandIn.close();
});

async function eventOf(requestId: string | null): Promise<PricedUsageEvent> {
  const event = (await gateway.events()).find((candidate) => candidate.requestId === requestId);
  assert.ok(event, `an event for ${requestId}`);
  assert.deepEqual(event.tags, { team: 'clients', feature: 'sdk-test' });
  return event;
}

test('openai chat.completions.create through the gateway', async () => {
  const { data, response } = await openai.chat.completions
    .create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] })
    .withResponse();
  assert.equal(data.usage?.prompt_tokens, 1500);
  assert.ok(data.choices[0]?.message.content);
  const event = await eventOf(response.headers.get('x-tokenops-request-id'));
  assert.deepEqual(event.tokens, OPENAI_TOKENS);
});

test('openai streaming chat: the client sees every chunk and no usage it did not ask for', async () => {
  const { data: stream, response } = await openai.chat.completions
    .create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }], stream: true })
    .withResponse();
  let text = '';
  for await (const chunk of stream) {
    assert.equal(chunk.usage ?? null, null);
    text += chunk.choices[0]?.delta.content ?? '';
  }
  assert.ok(text.length > 0);
  const event = await eventOf(response.headers.get('x-tokenops-request-id'));
  assert.deepEqual(event.tokens, OPENAI_TOKENS);
  assert.ok(event.timeToFirstTokenMs !== undefined);
});

test('openai streaming chat with include_usage: the client gets its usage chunk', async () => {
  const stream = await openai.chat.completions.create({
    model: 'gpt-4o-mini',
    messages: [{ role: 'user', content: 'hi' }],
    stream: true,
    stream_options: { include_usage: true },
  });
  let usage: number | undefined;
  for await (const chunk of stream) usage ??= chunk.usage?.prompt_tokens;
  assert.equal(usage, 1500);
});

test('openai responses.create, streamed', async () => {
  const { data: stream, response } = await openai.responses
    .create({ model: 'gpt-4o-mini', input: 'hi', stream: true })
    .withResponse();
  let completed = false;
  for await (const event of stream) if (event.type === 'response.completed') completed = true;
  assert.ok(completed);
  const event = await eventOf(response.headers.get('x-tokenops-request-id'));
  assert.deepEqual(event.tokens, OPENAI_TOKENS);
});

test('anthropic messages.create through the gateway', async () => {
  const { data, response } = await anthropic.messages
    .create({
      model: 'claude-sonnet-4-5-20250929',
      max_tokens: 100,
      messages: [{ role: 'user', content: 'hi' }],
    })
    .withResponse();
  assert.equal(data.usage.input_tokens, 40);
  const event = await eventOf(response.headers.get('x-tokenops-request-id'));
  assert.deepEqual(event.tokens, ANTHROPIC_TOKENS);
});

test('anthropic messages.stream through the gateway', async () => {
  const stream = anthropic.messages.stream({
    model: 'claude-sonnet-4-5-20250929',
    max_tokens: 100,
    messages: [{ role: 'user', content: 'hi' }],
  });
  const message = await stream.finalMessage();
  assert.equal(message.usage.output_tokens, 310);
  const { response } = await stream.withResponse();
  const event = await eventOf(response.headers.get('x-tokenops-request-id'));
  assert.deepEqual(event.tokens, ANTHROPIC_TOKENS);
  assert.equal(event.operation, 'messages');
});
