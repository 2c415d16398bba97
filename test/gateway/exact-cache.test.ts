import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import OpenAI from 'openai';
import { startStandIn, type StandIn } from '../../src/demo/stand-ins/index.ts';
import type { PricedUsageEvent } from '../../src/domain/usage-event.ts';
import { createMemoryResponseCache, createRedisResponseCache } from '../../src/optimize/index.ts';
import { startGatewayHarness, type GatewayHarness } from '../helpers/gateway-harness.ts';
import { tempDirectory } from '../helpers/temp-directory.ts';

// Every call reports 1,000 prompt tokens (400 of them cache reads) and 500 completion tokens.
// On gpt-4o-mini ($0.15 input, $0.075 cached input, $0.60 output per 1M) that call cost
// 600 × 0.15e-6 + 400 × 0.075e-6 + 500 × 0.60e-6 = 0.00009 + 0.00003 + 0.0003 = $0.00042.
const AVOIDED = 0.00042;
const TTL_SECONDS = 60;

let openai: StandIn;
let gateway: GatewayHarness;
let clock = Date.parse('2026-12-02T10:00:00Z');
const directory = tempDirectory('gateway-cache');

before(async () => {
  openai = await startStandIn({
    kind: 'openai',
    usage: { prompt_tokens: 1000, cached_tokens: 400, completion_tokens: 500 },
  });
  gateway = await startGatewayHarness({
    directory,
    providers: { openai: { baseUrl: openai.url } },
    optimization: {
      exactCache: {
        enabled: true,
        ttlSeconds: TTL_SECONDS,
        maxEntryBytes: 64 * 1024,
        scopes: [{ feature: 'summarize' }],
        store: createMemoryResponseCache({ maxEntries: 100, now: () => clock }),
      },
    },
  });
});

after(async () => {
  await gateway.close();
  await openai.close();
});

/** One call, read to its end: the gateway keeps an answer only after the caller got all of it. */
async function chat(
  base: string,
  content: string,
  headers: Record<string, string> = {},
  extra: Record<string, unknown> = {},
): Promise<Response & { bodyText: string }> {
  const response = await fetch(`${base}/openai/v1/chat/completions`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-tokenops-team': 'cache',
      'x-tokenops-feature': 'summarize',
      ...headers,
    },
    body: JSON.stringify({ model: 'gpt-4o-mini', messages: [{ role: 'user', content }], ...extra }),
  });
  const bodyText = await response.text().catch(() => '(cut)');
  return Object.assign(response, { bodyText });
}

async function eventOf(harness: GatewayHarness, response: Response): Promise<PricedUsageEvent> {
  const requestId = response.headers.get('x-tokenops-request-id');
  const event = (await harness.events()).find((candidate) => candidate.requestId === requestId);
  assert.ok(event, `an event for ${requestId}`);
  return event;
}

test('the same JSON call is answered from the cache and never reaches the provider', async () => {
  const before = openai.requests.length;
  const first = await chat(gateway.base, 'Summarise the quarterly memo.');
  const firstBody = first.bodyText;
  assert.equal(first.headers.get('x-tokenops-cache'), 'miss');
  // Keys are normalised: the same request with its fields in another order is the same call.
  const second = await fetch(`${gateway.base}/openai/v1/chat/completions`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-tokenops-team': 'cache',
      'x-tokenops-feature': 'summarize',
    },
    body: `{"messages":[{"content":"Summarise the quarterly memo.","role":"user"}],  "model":"gpt-4o-mini"}`,
  });
  assert.equal(second.status, 200);
  assert.equal(second.headers.get('x-tokenops-cache'), 'hit');
  assert.equal(second.headers.get('content-type'), first.headers.get('content-type'));
  assert.equal(await second.text(), firstBody);
  assert.equal(openai.requests.length, before + 1);

  const miss = await eventOf(gateway, first);
  assert.equal(miss.cacheOutcome, 'miss');
  assert.equal(miss.tokens.input, 1000);
  assert.equal(miss.avoidedCost, undefined);
  const hit = await eventOf(gateway, second);
  assert.equal(hit.status, 'ok');
  assert.equal(hit.cacheOutcome, 'hit');
  assert.equal(hit.model, 'gpt-4o-mini');
  assert.deepEqual(hit.tokens, {
    input: 0,
    output: 0,
    cacheRead: 0,
    cacheWrite: 0,
    cacheWrite1h: 0,
    reasoning: 0,
  });
  assert.equal(hit.pricing.effective?.total, 0);
  assert.ok(Math.abs((hit.avoidedCost ?? 0) - AVOIDED) < 1e-12, `avoided ${hit.avoidedCost}`);
  assert.ok(Math.abs((miss.pricing.effective?.total ?? 0) - AVOIDED) < 1e-12);
});

test('a streamed answer replays from the cache as the same stream (official client)', async () => {
  const client = new OpenAI({
    apiKey: 'sk-test',
    baseURL: `${gateway.base}/openai/v1`,
    defaultHeaders: { 'x-tokenops-team': 'cache', 'x-tokenops-feature': 'summarize' },
  });
  const read = async () => {
    const { data, response } = await client.chat.completions
      .create({
        model: 'gpt-4o-mini',
        stream: true,
        messages: [{ role: 'user', content: 'Stream a summary.' }],
      })
      .withResponse();
    let text = '';
    let chunks = 0;
    for await (const chunk of data) {
      // The caller did not ask for usage: the replay must not show it either.
      assert.equal(chunk.usage ?? null, null);
      text += chunk.choices[0]?.delta.content ?? '';
      chunks += 1;
    }
    return { text, chunks, response };
  };
  const before = openai.requests.length;
  const first = await read();
  const second = await read();
  assert.equal(openai.requests.length, before + 1);
  assert.equal(first.response.headers.get('x-tokenops-cache'), 'miss');
  assert.equal(second.response.headers.get('x-tokenops-cache'), 'hit');
  assert.match(second.response.headers.get('content-type') ?? '', /text\/event-stream/);
  assert.ok(first.text.length > 0);
  assert.equal(second.text, first.text);
  assert.equal(second.chunks, first.chunks);
  const hit = (await gateway.events()).find(
    (event) => event.requestId === second.response.headers.get('x-tokenops-request-id'),
  );
  assert.equal(hit?.cacheOutcome, 'hit');
  assert.ok(Math.abs((hit?.avoidedCost ?? 0) - AVOIDED) < 1e-12);
});

test('a JSON call is never answered with a cached stream, nor the reverse', async () => {
  const before = openai.requests.length;
  await chat(gateway.base, 'Both ways.', {}, { stream: true });
  const json = await chat(gateway.base, 'Both ways.', {}, { stream: false });
  assert.equal(json.headers.get('x-tokenops-cache'), 'miss');
  assert.match(json.headers.get('content-type') ?? '', /json/);
  assert.equal(openai.requests.length, before + 2);
});

test('two teams sending the same body never share an answer', async () => {
  const before = openai.requests.length;
  const a = await chat(gateway.base, 'Shared words.', { 'x-tokenops-team': 'team-a' });
  const b = await chat(gateway.base, 'Shared words.', { 'x-tokenops-team': 'team-b' });
  assert.equal(a.headers.get('x-tokenops-cache'), 'miss');
  assert.equal(b.headers.get('x-tokenops-cache'), 'miss');
  assert.equal(openai.requests.length, before + 2);
  const again = await chat(gateway.base, 'Shared words.', { 'x-tokenops-team': 'team-b' });
  assert.equal(again.headers.get('x-tokenops-cache'), 'hit');
});

test('an entry expires after ttlSeconds', async () => {
  const before = openai.requests.length;
  await chat(gateway.base, 'Expiring.');
  clock += (TTL_SECONDS - 1) * 1000;
  assert.equal((await chat(gateway.base, 'Expiring.')).headers.get('x-tokenops-cache'), 'hit');
  clock += 2000;
  const late = await chat(gateway.base, 'Expiring.');
  assert.equal(late.headers.get('x-tokenops-cache'), 'miss');
  assert.equal(openai.requests.length, before + 2);
});

test('Cache-Control: no-cache bypasses the cache, and the event says so', async () => {
  await chat(gateway.base, 'Fresh please.');
  const before = openai.requests.length;
  const response = await chat(gateway.base, 'Fresh please.', { 'cache-control': 'no-cache' });
  assert.equal(response.headers.get('x-tokenops-cache'), 'bypass');
  assert.equal(openai.requests.length, before + 1);
  assert.equal((await eventOf(gateway, response)).cacheOutcome, 'bypass');
});

test('errors and cut streams are never cached', async () => {
  const before = openai.requests.length;
  for (const scenario of ['error-500', 'error-500']) {
    const response = await chat(gateway.base, 'Failing.', { 'x-stand-in-scenario': scenario });
    assert.equal(response.status, 500);
    assert.equal(response.headers.get('x-tokenops-cache'), 'miss');
  }
  for (let round = 0; round < 2; round += 1) {
    const broken = await chat(
      gateway.base,
      'Breaking.',
      { 'x-stand-in-scenario': 'broken-stream' },
      { stream: true },
    );
    assert.equal(broken.bodyText, '(cut)');
  }
  assert.equal(openai.requests.length, before + 4);
});

test('calls outside the configured scopes are not cached', async () => {
  const before = openai.requests.length;
  const first = await chat(gateway.base, 'Out of scope.', { 'x-tokenops-feature': 'chat' });
  const second = await chat(gateway.base, 'Out of scope.', { 'x-tokenops-feature': 'chat' });
  assert.equal(second.headers.get('x-tokenops-cache'), null);
  assert.equal(openai.requests.length, before + 2);
  assert.equal((await eventOf(gateway, first)).cacheOutcome, undefined);
});

test('the Redis cache is shared by two gateways', async () => {
  const harnesses: GatewayHarness[] = [];
  try {
    for (const name of ['redis-a', 'redis-b']) {
      harnesses.push(
        await startGatewayHarness({
          directory: tempDirectory(name),
          providers: { openai: { baseUrl: openai.url } },
          optimization: {
            exactCache: {
              enabled: true,
              ttlSeconds: TTL_SECONDS,
              maxEntryBytes: 64 * 1024,
              store: await createRedisResponseCache('redis://127.0.0.1:6379'),
            },
          },
        }),
      );
    }
    const [one, two] = harnesses as [GatewayHarness, GatewayHarness];
    // A team no earlier run used: its keys cannot exist in Redis yet.
    const team = { 'x-tokenops-team': `redis-${randomUUID()}` };
    const before = openai.requests.length;
    const first = await chat(one.base, 'Shared by replicas.', team);
    assert.equal(first.headers.get('x-tokenops-cache'), 'miss');
    const second = await chat(two.base, 'Shared by replicas.', team);
    assert.equal(second.headers.get('x-tokenops-cache'), 'hit');
    assert.equal(second.text, first.text);
    assert.equal(openai.requests.length, before + 1);
    const hit = await eventOf(two, second);
    assert.ok(Math.abs((hit.avoidedCost ?? 0) - AVOIDED) < 1e-12);
  } finally {
    for (const harness of harnesses) await harness.close();
  }
});
