import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { countTokens } from 'gpt-tokenizer/encoding/o200k_base';
import { startStandIn, type StandIn } from '../../src/demo/stand-ins/index.ts';
import type { PricedUsageEvent } from '../../src/domain/usage-event.ts';
import { startGatewayHarness, type GatewayHarness } from '../helpers/gateway-harness.ts';
import { tempDirectory } from '../helpers/temp-directory.ts';

let openai: StandIn;
let anthropic: StandIn;
let gateway: GatewayHarness;
const directory = tempDirectory('gateway-context');

const SYSTEM = 'You are a support agent for an online bookshop.';
const words = (topic: string) =>
  `${topic}: ${'the order arrived late and the box was torn '.repeat(12)}`;
const ARGUMENTS = '{"order":"A-1234","fields":["status","carrier"]}';
/** A chat with a tool call and its result in the middle; gpt-4o-mini counts with o200k_base. */
const CONVERSATION = [
  { role: 'system', content: SYSTEM },
  { role: 'user', content: words('first question') },
  { role: 'assistant', content: words('first answer') },
  { role: 'user', content: words('second question') },
  {
    role: 'assistant',
    content: null,
    tool_calls: [
      { id: 'call_1', type: 'function', function: { name: 'lookup', arguments: ARGUMENTS } },
    ],
  },
  { role: 'tool', tool_call_id: 'call_1', content: words('lookup result') },
  { role: 'assistant', content: words('second answer') },
  { role: 'user', content: 'And when will the replacement ship?' },
];
const tokensOf = (message: (typeof CONVERSATION)[number]) =>
  countTokens(message.content ?? message.tool_calls?.[0]?.function.arguments ?? '');
const turnTokens = CONVERSATION.slice(1).map(tokensOf);
const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
const FIXED = countTokens(SYSTEM);

const ANTHROPIC_MESSAGES = [
  { role: 'user', content: words('question') },
  {
    role: 'assistant',
    content: [{ type: 'tool_use', id: 'toolu_1', name: 'lookup', input: { order: 'A-1' } }],
  },
  {
    role: 'user',
    content: [{ type: 'tool_result', tool_use_id: 'toolu_1', content: words('result') }],
  },
  { role: 'assistant', content: words('answer') },
  { role: 'user', content: 'Thanks, and the refund?' },
];
// Claude's tokenizer is not public: the gateway counts with o200k_base, as here.
const ANTHROPIC_TOKENS = [
  countTokens(words('question')),
  countTokens(JSON.stringify({ order: 'A-1' })),
  countTokens(words('result')),
  countTokens(words('answer')),
  countTokens('Thanks, and the refund?'),
];

before(async () => {
  openai = await startStandIn({ kind: 'openai' });
  anthropic = await startStandIn({ kind: 'anthropic' });
  gateway = await startGatewayHarness({
    directory,
    providers: { openai: { baseUrl: openai.url }, anthropic: { baseUrl: anthropic.url } },
    optimization: {
      context: [
        // Room for the system prompt and the last five turns: the first two must go.
        { match: { feature: 'support' }, maxInputTokens: FIXED + sum(turnTokens.slice(2)) },
        // Room for the last three only: a cut there would orphan the tool result.
        { match: { feature: 'tight' }, maxInputTokens: FIXED + sum(turnTokens.slice(4)) },
        // Room from the tool result on: starting there would orphan it from its tool use.
        { match: { feature: 'agent' }, maxInputTokens: FIXED + sum(ANTHROPIC_TOKENS.slice(2)) },
      ],
      output: [{ match: { feature: 'capped' }, defaultMaxTokens: 256, maxTokensCeiling: 1024 }],
    },
  });
});

after(async () => {
  await gateway.close();
  await openai.close();
  await anthropic.close();
});

async function send(
  path: string,
  feature: string,
  body: string,
): Promise<{ event: PricedUsageEvent; sent: Record<string, unknown>; raw: string; text: string }> {
  const standIn = path.startsWith('/anthropic') ? anthropic : openai;
  const seen = standIn.requests.length;
  const response = await fetch(`${gateway.base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-tokenops-feature': feature },
    body,
  });
  const text = await response.text();
  assert.equal(response.status, 200, text);
  const raw = standIn.requests[seen]?.body ?? '';
  const requestId = response.headers.get('x-tokenops-request-id');
  const event = (await gateway.events()).find((candidate) => candidate.requestId === requestId);
  assert.ok(event);
  return { event, sent: JSON.parse(raw) as Record<string, unknown>, raw, text };
}

const chatBody = (fields: Record<string, unknown>) =>
  JSON.stringify({ model: 'gpt-4o-mini', messages: CONVERSATION, ...fields });

test('a prompt over its ceiling loses its oldest turns; system prompt and newest kept', async () => {
  const { event, sent } = await send('/openai/v1/chat/completions', 'support', chatBody({}));
  assert.deepEqual(sent.messages, [CONVERSATION[0], ...CONVERSATION.slice(3)]);
  assert.equal(event.trimmedTokens, turnTokens[0]! + turnTokens[1]!);
});

test('trimming never separates a tool call from its result', async () => {
  const { event, sent } = await send('/openai/v1/chat/completions', 'tight', chatBody({}));
  // Cutting at the tool call, its result or the answer after it would start mid-exchange:
  // the only place left to start is the newest user turn.
  assert.deepEqual(sent.messages, [CONVERSATION[0], CONVERSATION[7]]);
  assert.equal(event.trimmedTokens, sum(turnTokens.slice(0, 6)));
});

test('a prompt under its ceiling is forwarded byte for byte', async () => {
  const body = `{"model":"gpt-4o-mini",  "messages":[{"role":"user","content":"short"}]}`;
  const { event, raw } = await send('/openai/v1/chat/completions', 'support', body);
  assert.equal(raw, body);
  assert.equal(event.trimmedTokens, undefined);
});

test('Anthropic tool results stay with their tool use; the top-level system is kept', async () => {
  const messages = ANTHROPIC_MESSAGES;
  const body = JSON.stringify({
    model: 'claude-haiku-4-5',
    max_tokens: 200,
    system: SYSTEM,
    messages,
  });
  const { event, sent } = await send('/anthropic/v1/messages', 'agent', body);
  assert.equal(sent.system, SYSTEM);
  assert.deepEqual(sent.messages, [messages[4]]);
  assert.equal(event.trimmedTokens, sum(ANTHROPIC_TOKENS.slice(0, 4)));
});

test('a call without max_tokens gets the default', async () => {
  const body = JSON.stringify({
    model: 'gpt-4o-mini',
    messages: [{ role: 'user', content: 'hi' }],
  });
  const { sent } = await send('/openai/v1/chat/completions', 'capped', body);
  assert.equal(sent.max_completion_tokens, 256);
});

test('a larger max_tokens is lowered to the ceiling, in the field the caller used', async () => {
  const body = JSON.stringify({
    model: 'gpt-4o-mini',
    max_tokens: 4000,
    messages: [{ role: 'user', content: 'hi' }],
  });
  const { sent } = await send('/openai/v1/chat/completions', 'capped', body);
  assert.equal(sent.max_tokens, 1024);
  assert.equal(sent.max_completion_tokens, undefined);
  const anthropicBody = JSON.stringify({
    model: 'claude-haiku-4-5',
    max_tokens: 8000,
    messages: [{ role: 'user', content: 'hi' }],
  });
  const { sent: sentAnthropic } = await send('/anthropic/v1/messages', 'capped', anthropicBody);
  assert.equal(sentAnthropic.max_tokens, 1024);
});

test('a smaller max_tokens is the caller’s choice: the bytes go untouched', async () => {
  const body = JSON.stringify({
    model: 'gpt-4o-mini',
    max_completion_tokens: 100,
    messages: [{ role: 'user', content: 'hi' }],
  });
  const { raw } = await send('/openai/v1/chat/completions', 'capped', body);
  assert.equal(raw, body);
});

test('a capped stream still asks for usage, and still hides it from the caller', async () => {
  const body = JSON.stringify({
    model: 'gpt-4o-mini',
    stream: true,
    messages: [{ role: 'user', content: 'hi' }],
  });
  const { sent, text, event } = await send('/openai/v1/chat/completions', 'capped', body);
  assert.equal(sent.max_completion_tokens, 256);
  assert.deepEqual(sent.stream_options, { include_usage: true });
  assert.ok(text.includes('[DONE]'));
  assert.ok(!text.includes('"usage":{'), 'the usage chunk the caller did not ask for is hidden');
  assert.equal(event.tokens.input, 120);
});
