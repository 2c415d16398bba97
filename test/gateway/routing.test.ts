import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startStandIn, type StandIn } from '../../src/demo/stand-ins/index.ts';
import type { PricedUsageEvent } from '../../src/domain/usage-event.ts';
import { startGatewayHarness, type GatewayHarness } from '../helpers/gateway-harness.ts';
import { tempDirectory } from '../helpers/temp-directory.ts';

// The primary stand-in fails some models the way a provider does; `backup` is an
// OpenAI-compatible server (a second stand-in) with its own configured key.
let primary: StandIn;
let backup: StandIn;
let gateway: GatewayHarness;
const directory = tempDirectory('gateway-routing');

before(async () => {
  primary = await startStandIn({
    kind: 'openai',
    scenarios: {
      'gpt-4o-flaky': 'error-500',
      'gpt-4o-limited': 'error-429',
      'gpt-4o-hanging': 'hang',
      'gpt-4o-invalid': 'error-400',
    },
  });
  backup = await startStandIn({ kind: 'openai' });
  gateway = await startGatewayHarness({
    directory,
    providers: {
      openai: { baseUrl: primary.url },
      backup: { baseUrl: backup.url, apiKey: 'sk-backup-key' },
    },
    compatible: [{ name: 'backup', catalogProviderId: 'openai' }],
    optimization: {
      routing: [
        { match: { feature: 'cheap', model: 'gpt-4o' }, model: 'gpt-4o-mini', fallbacks: [] },
        { match: { feature: 'moved' }, provider: 'backup', fallbacks: [] },
        { match: { model: 'gpt-4o-flaky' }, fallbacks: [{ model: 'gpt-4o-mini' }] },
        { match: { model: 'gpt-4o-limited' }, fallbacks: [{ provider: 'backup' }] },
        {
          match: { model: 'gpt-4o-hanging' },
          timeoutMs: 300,
          fallbacks: [{ model: 'gpt-4o-mini' }],
        },
        { match: { model: 'gpt-4o-invalid' }, fallbacks: [{ model: 'gpt-4o-mini' }] },
        {
          name: 'mini-trial',
          match: { feature: 'experiment' },
          fallbacks: [],
          split: [
            { variant: 'control', percent: 50 },
            { variant: 'mini', percent: 50, model: 'gpt-4o-mini' },
          ],
        },
      ],
    },
  });
});

after(async () => {
  await gateway.close();
  await primary.close();
  await backup.close();
});

function chat(model: string, feature: string, extra: Record<string, string> = {}) {
  return fetch(`${gateway.base}/openai/v1/chat/completions`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: 'Bearer sk-caller-key',
      'x-tokenops-team': 'routing',
      'x-tokenops-feature': feature,
      ...extra,
    },
    body: JSON.stringify({ model, messages: [{ role: 'user', content: 'Summarise the memo.' }] }),
  });
}

async function eventsOf(requestId: string | null): Promise<PricedUsageEvent[]> {
  assert.ok(requestId, 'the answer names its request id');
  const all = await gateway.events();
  const last = all.find((event) => event.requestId === requestId);
  assert.ok(last, `an event for ${requestId}`);
  // Walk back through retryOf: the chain of attempts, oldest first.
  const chain = [last];
  while (chain[0]?.retryOf) {
    const before = all.find((event) => event.requestId === chain[0]?.retryOf);
    assert.ok(before, `the attempt ${chain[0].retryOf} was recorded`);
    chain.unshift(before);
  }
  return chain;
}

function modelsSeen(standIn: StandIn, since: number): string[] {
  return standIn.requests
    .slice(since)
    .map((request) => (JSON.parse(request.body) as { model: string }).model);
}

test('a routing rule sends the call to another model; the event keeps both', async () => {
  const seen = primary.requests.length;
  const response = await chat('gpt-4o', 'cheap');
  assert.equal(response.status, 200);
  assert.deepEqual(modelsSeen(primary, seen), ['gpt-4o-mini']);
  const [event] = await eventsOf(response.headers.get('x-tokenops-request-id'));
  assert.equal(event?.requestedModel, 'gpt-4o');
  assert.equal(event?.model, 'gpt-4o-mini');
  assert.equal(event?.status, 'ok');
});

test('a call no rule matches is forwarded byte for byte', async () => {
  const seen = primary.requests.length;
  const body = '{ "messages": [ {"role":"user","content":"hi"} ],\n  "model": "gpt-4o" }';
  const response = await fetch(`${gateway.base}/openai/v1/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-tokenops-feature': 'cheap-not' },
    body,
  });
  assert.equal(response.status, 200);
  assert.equal(primary.requests[seen]?.body, body);
});

test('a stream that did not ask for usage goes as the caller’s bytes with stream_options first', async () => {
  const seen = primary.requests.length;
  const body =
    '{ "messages": [ {"role":"user","content":"hi"} ],\n  "model": "gpt-4o", "stream": true, "seed": 12345678901234567890 }';
  const response = await fetch(`${gateway.base}/openai/v1/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-tokenops-feature': 'cheap-not' },
    body,
  });
  assert.equal(response.status, 200);
  assert.doesNotMatch(await response.text(), /"usage":\{/, 'the usage chunk is not the caller’s');
  assert.equal(
    primary.requests[seen]?.body,
    `{"stream_options":{"include_usage":true},${body.slice(1)}`,
  );
});

test('a rule can move the call to another provider of the same API, with that provider’s key', async () => {
  const seen = backup.requests.length;
  const response = await chat('gpt-4o-mini', 'moved');
  assert.equal(response.status, 200);
  assert.equal(backup.requests.length, seen + 1);
  assert.equal(backup.requests[seen]?.headers.authorization, 'Bearer sk-backup-key');
  const [event] = await eventsOf(response.headers.get('x-tokenops-request-id'));
  assert.equal(event?.provider, 'backup');
  assert.equal(event?.model, 'gpt-4o-mini');
});

test('a 500 falls back to the next model: two events, linked by retryOf', async () => {
  const response = await chat('gpt-4o-flaky', 'fallbacks');
  assert.equal(response.status, 200);
  const [failed, answered, ...more] = await eventsOf(response.headers.get('x-tokenops-request-id'));
  assert.equal(more.length, 0);
  assert.equal(failed?.status, 'error');
  assert.equal(failed?.errorKind, 'server_error');
  assert.equal(failed?.model, 'gpt-4o-flaky');
  assert.equal(failed?.attempt, 1);
  assert.equal(answered?.status, 'ok');
  assert.equal(answered?.attempt, 2);
  assert.equal(answered?.retryOf, failed?.requestId);
  assert.notEqual(answered?.requestId, failed?.requestId);
  assert.equal(answered?.model, 'gpt-4o-mini');
  assert.equal(answered?.requestedModel, 'gpt-4o-flaky');
});

test('a 429 falls back to another provider', async () => {
  const seen = backup.requests.length;
  const response = await chat('gpt-4o-limited', 'fallbacks');
  assert.equal(response.status, 200);
  assert.equal(backup.requests.length, seen + 1);
  const [failed, answered] = await eventsOf(response.headers.get('x-tokenops-request-id'));
  assert.equal(failed?.errorKind, 'rate_limit');
  assert.equal(failed?.provider, 'openai');
  assert.equal(answered?.provider, 'backup');
  assert.equal(answered?.status, 'ok');
  assert.equal(answered?.retryOf, failed?.requestId);
});

test('an attempt that times out (the rule’s timeoutMs) falls back', async () => {
  const started = performance.now();
  const response = await chat('gpt-4o-hanging', 'fallbacks');
  assert.equal(response.status, 200);
  // Far below the gateway's 10 s upstream timeout: the rule's 300 ms cut the first attempt.
  assert.ok(performance.now() - started < 5_000);
  const [failed, answered] = await eventsOf(response.headers.get('x-tokenops-request-id'));
  assert.equal(failed?.status, 'error');
  assert.equal(failed?.errorKind, 'timeout');
  assert.equal(answered?.status, 'ok');
  assert.equal(answered?.attempt, 2);
});

test('a 400 is the caller’s mistake: no fallback, one event', async () => {
  const seen = primary.requests.length;
  const response = await chat('gpt-4o-invalid', 'fallbacks');
  assert.equal(response.status, 400);
  assert.deepEqual(modelsSeen(primary, seen), ['gpt-4o-invalid']);
  const chain = await eventsOf(response.headers.get('x-tokenops-request-id'));
  assert.equal(chain.length, 1);
  assert.equal(chain[0]?.errorKind, 'invalid_request');
});

test('a 50/50 split lands near half and half, and every event names its variant', async () => {
  const ids: string[] = [];
  for (let batch = 0; batch < 20; batch += 1) {
    const responses = await Promise.all(
      Array.from({ length: 10 }, () => chat('gpt-4o', 'experiment')),
    );
    for (const response of responses) {
      assert.equal(response.status, 200);
      ids.push(response.headers.get('x-tokenops-request-id') ?? '');
    }
  }
  const wanted = new Set(ids);
  const events = (await gateway.events()).filter((event) => wanted.has(event.requestId ?? ''));
  assert.equal(events.length, 200);
  const counts = { control: 0, mini: 0 };
  for (const event of events) {
    assert.equal(event.tags.extra?.experiment, 'mini-trial');
    const variant = event.tags.extra?.variant;
    assert.ok(variant === 'control' || variant === 'mini', `variant ${variant}`);
    counts[variant] += 1;
    assert.equal(event.model, variant === 'mini' ? 'gpt-4o-mini' : 'gpt-4o');
  }
  // Binomial(200, 0.5) has a standard deviation of about 7: 70–130 is more than 4 of them.
  assert.ok(counts.control >= 70 && counts.control <= 130, JSON.stringify(counts));
});

test('a user stays on one variant of an experiment', async () => {
  const variants = new Set<string | undefined>();
  const ids: string[] = [];
  for (let call = 0; call < 12; call += 1) {
    const response = await chat('gpt-4o', 'experiment', { 'x-tokenops-user': 'user-42' });
    ids.push(response.headers.get('x-tokenops-request-id') ?? '');
  }
  const events = (await gateway.events()).filter((event) => ids.includes(event.requestId ?? ''));
  for (const event of events) variants.add(event.tags.extra?.variant);
  assert.equal(events.length, 12);
  assert.equal(variants.size, 1);
});
