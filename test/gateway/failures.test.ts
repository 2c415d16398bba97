import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startStandIn, type StandIn } from '../../src/demo/stand-ins/index.ts';
import type { PricedUsageEvent } from '../../src/domain/usage-event.ts';
import { startGatewayHarness, type GatewayHarness } from '../helpers/gateway-harness.ts';
import { tempDirectory } from '../helpers/temp-directory.ts';

let openai: StandIn;
let anthropic: StandIn;
let gateway: GatewayHarness;

const directory = tempDirectory('gateway-failures');

before(async () => {
  openai = await startStandIn({ kind: 'openai' });
  anthropic = await startStandIn({ kind: 'anthropic' });
  gateway = await startGatewayHarness({
    directory,
    providers: {
      openai: { baseUrl: openai.url },
      anthropic: { baseUrl: anthropic.url },
      // Nothing listens on port 9 (discard) on loopback here.
      gemini: { baseUrl: 'http://127.0.0.1:9' },
    },
    upstreamTimeoutMs: 400,
    maxRequestBytes: 4096,
  });
});

after(async () => {
  await gateway.close();
  await openai.close();
  await anthropic.close();
});

function chat(scenario: string, stream: boolean, extra: Record<string, unknown> = {}) {
  return fetch(`${gateway.base}/openai/v1/chat/completions`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-stand-in-scenario': scenario,
      'x-tokenops-team': 'failures',
    },
    body: JSON.stringify({
      model: 'gpt-4o-mini',
      stream,
      messages: [{ role: 'user', content: 'Tell me a long story about a lighthouse keeper.' }],
      ...extra,
    }),
  });
}

/** The call's event, once the gateway has recorded it (a hang-up is noticed a moment later). */
async function eventFor(response: Response): Promise<PricedUsageEvent> {
  const requestId = response.headers.get('x-tokenops-request-id');
  assert.ok(requestId, 'every gateway answer names its request id');
  const deadline = Date.now() + 10_000;
  for (;;) {
    const event = (await gateway.events()).find((candidate) => candidate.requestId === requestId);
    if (event || Date.now() > deadline) {
      assert.ok(event, `an event for ${requestId}`);
      return event;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

test('a caller that hangs up mid-stream leaves an aborted event with what was counted', async () => {
  const controller = new AbortController();
  const response = await fetch(`${gateway.base}/anthropic/v1/messages`, {
    method: 'POST',
    signal: controller.signal,
    headers: {
      'content-type': 'application/json',
      'x-stand-in-scenario': 'slow-stream',
      'x-stand-in-usage': JSON.stringify({ input_tokens: 1234, output_tokens: 80 }),
      'x-tokenops-team': 'failures',
    },
    body: JSON.stringify({
      model: 'claude-sonnet-4-5-20250929',
      max_tokens: 100,
      stream: true,
      messages: [{ role: 'user', content: 'hi' }],
    }),
  });
  const reader = response.body?.getReader();
  await reader?.read();
  controller.abort();
  const event = await eventFor(response);
  assert.equal(event.status, 'aborted');
  assert.equal(event.tokens.input, 1234, 'the input count message_start reported');
  assert.ok(event.pricing.flags.includes('usage-estimated'));
});

for (const [scenario, status, kind] of [
  ['error-429', 429, 'rate_limit'],
  ['error-500', 500, 'server_error'],
] as const) {
  test(`an upstream ${status} reaches the caller unchanged and is recorded as ${kind}`, async () => {
    const response = await chat(scenario, false);
    assert.equal(response.status, status);
    const body = (await response.json()) as { error: { type: string } };
    assert.ok(body.error.type, 'the provider error body passes through');
    const event = await eventFor(response);
    assert.equal(event.status, 'error');
    assert.equal(event.errorKind, kind);
    assert.equal(event.tokens.input, 0);
  });
}

test('a malformed SSE line passes through and the usage after it is still read', async () => {
  const response = await chat('malformed-line', true, {
    stream_options: { include_usage: true },
  });
  const text = await response.text();
  assert.match(text, /data: \{garbage/);
  assert.match(text, /"usage":\{/, 'the caller asked for usage, so they see it');
  const event = await eventFor(response);
  assert.equal(event.status, 'ok');
  assert.equal(event.tokens.input, 120);
  assert.equal(event.tokens.output, 30);
});

test('an upstream that hangs past the timeout gets the caller a 504 and an error event', async () => {
  const response = await chat('hang', false);
  assert.equal(response.status, 504);
  const body = (await response.json()) as { error: { type: string; fix: string } };
  assert.equal(body.error.type, 'upstream_timeout');
  assert.match(body.error.fix, /gateway\.upstreamTimeoutMs/);
  const event = await eventFor(response);
  assert.equal(event.status, 'error');
  assert.equal(event.errorKind, 'timeout');
});

test('an oversized request body gets a 413 before anything is forwarded', async () => {
  const before = openai.requests.length;
  const response = await chat('ok', false, { padding: 'x'.repeat(8192) });
  assert.equal(response.status, 413);
  const body = (await response.json()) as { error: { message: string; fix: string } };
  assert.match(body.error.message, /at most 4096/);
  assert.match(body.error.fix, /gateway\.maxRequestBytes/);
  assert.equal(openai.requests.length, before, 'nothing reached the provider');
  const event = await eventFor(response);
  assert.equal(event.status, 'error');
  assert.equal(event.errorKind, 'request_too_large');
});

test('a stream the upstream breaks is cut for the caller and recorded, estimated', async () => {
  const response = await chat('broken-stream', true);
  await assert.rejects(response.text(), 'the caller sees the stream fail');
  const event = await eventFor(response);
  assert.equal(event.status, 'error');
  assert.equal(event.errorKind, 'upstream_disconnected');
  assert.ok(event.tokens.input > 0, 'input estimated from the prompt');
  assert.ok(event.pricing.flags.includes('usage-estimated'));
});

test('an unreachable upstream gets a 502 naming the setting to check', async () => {
  const response = await fetch(
    `${gateway.base}/gemini/v1beta/models/gemini-2.5-flash:generateContent`,
    {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ contents: [{ parts: [{ text: 'hi' }] }] }),
    },
  );
  assert.equal(response.status, 502);
  const body = (await response.json()) as { error: { fix: string } };
  assert.match(body.error.fix, /providers\.gemini\.baseUrl/);
  const event = await eventFor(response);
  assert.equal(event.errorKind, 'upstream_unreachable');
  assert.equal(event.tags.team, undefined, 'untagged calls are accepted by default');
});
