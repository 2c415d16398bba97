import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import OpenAI from 'openai';
import { startStandIn, type StandIn } from '../../src/demo/stand-ins/index.ts';
import type { PricedUsageEvent } from '../../src/domain/usage-event.ts';
import type { GatewayOptions } from '../../src/gateway/index.ts';
import {
  createMemoryResponseCache,
  createSemanticIndex,
  type CachedResponse,
} from '../../src/optimize/index.ts';
import { startGatewayHarness, type GatewayHarness } from '../helpers/gateway-harness.ts';
import { tempDirectory } from '../helpers/temp-directory.ts';

// Every chat call reports 1,000 prompt tokens (400 of them cache reads) and 500 completion
// tokens. On gpt-4o-mini ($0.15 input, $0.075 cached input, $0.60 output per 1M) that call cost
// 600 × 0.15e-6 + 400 × 0.075e-6 + 500 × 0.60e-6 = 0.00009 + 0.00003 + 0.0003 = $0.00042.
const AVOIDED = 0.00042;
// The embedding call reports the same 1,000 prompt tokens: on text-embedding-3-small ($0.02 per
// 1M) that is 1,000 × 0.02e-6 = $0.00002.
const EMBEDDING_COST = 0.00002;

// The stand-in's embeddings are bags of words (one dimension per word, 256 of them, no two words
// of these tests sharing one), so a cosine is shared words over the two lengths. The gateway
// embeds `role: text`: "user: Summarise the quarterly memo for the board." has 7 words, `the`
// twice, so |A|² = 6 + 2² = 10.
const MEMO = 'Summarise the quarterly memo for the board.';
// One word more: A·B = 10, |B|² = 11, cosine 10 / √110 = 0.9535 ≥ 0.95: a hit.
const MEMO_PLEASE = 'Summarise the quarterly memo for the board, please.';
// Two words more: A·C = 10, |C|² = 12, cosine 10 / √120 = 0.9129 < 0.95: a miss.
const MEMO_FRENCH = 'Summarise the quarterly memo for the board in French.';

let openai: StandIn;
let gateway: GatewayHarness;

function semanticCache(
  embedding: Partial<{ model: string; timeoutMs: number }> = {},
): NonNullable<GatewayOptions['optimization']>['semanticCache'] {
  return {
    enabled: true,
    threshold: 0.95,
    ttlSeconds: 60,
    maxEntryBytes: 64 * 1024,
    scopes: [
      { match: { feature: 'summarize' } },
      // The same calls need a nearer wording here: this scope's own threshold.
      { match: { feature: 'strict' }, threshold: 0.99 },
    ],
    embedding: {
      provider: 'openai',
      model: 'text-embedding-3-small',
      dimensions: 256,
      timeoutMs: 2000,
      ...embedding,
    },
    index: createSemanticIndex<CachedResponse>({ maxEntries: 100 }),
  };
}

before(async () => {
  openai = await startStandIn({
    kind: 'openai',
    usage: { prompt_tokens: 1000, cached_tokens: 400, completion_tokens: 500 },
    scenarios: { 'broken-embedder': 'error-500', 'hanging-embedder': 'hang' },
  });
  gateway = await startGatewayHarness({
    directory: tempDirectory('gateway-semantic-cache'),
    providers: { openai: { baseUrl: openai.url } },
    optimization: {
      exactCache: {
        enabled: true,
        ttlSeconds: 60,
        maxEntryBytes: 64 * 1024,
        scopes: [{ feature: 'summarize' }],
        store: createMemoryResponseCache({ maxEntries: 100 }),
      },
      semanticCache: semanticCache(),
    },
  });
});

after(async () => {
  await gateway.close();
  await openai.close();
});

const calls = (path: string) => openai.requests.filter((request) => request.path === path).length;
const chatCalls = () => calls('/v1/chat/completions');
const embeddingCalls = () => calls('/v1/embeddings');

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
  const bodyText = await response.text();
  return Object.assign(response, { bodyText });
}

async function eventOf(harness: GatewayHarness, response: Response): Promise<PricedUsageEvent> {
  const requestId = response.headers.get('x-tokenops-request-id');
  const event = (await harness.events()).find((candidate) => candidate.requestId === requestId);
  assert.ok(event, `an event for ${requestId}`);
  return event;
}

test('a paraphrase within the threshold is answered from the cache, never reaching the provider', async () => {
  const [chatsBefore, embeddingsBefore] = [chatCalls(), embeddingCalls()];
  const first = await chat(gateway.base, MEMO);
  assert.equal(first.headers.get('x-tokenops-cache'), 'miss');
  const second = await chat(gateway.base, MEMO_PLEASE);
  assert.equal(second.status, 200);
  assert.equal(second.headers.get('x-tokenops-cache'), 'semantic-hit');
  assert.equal(second.headers.get('content-type'), first.headers.get('content-type'));
  assert.equal(second.bodyText, first.bodyText);
  assert.equal(chatCalls(), chatsBefore + 1);
  assert.equal(embeddingCalls(), embeddingsBefore + 2);
  // The very same call again is the exact cache's: no embedding is asked for.
  const again = await chat(gateway.base, MEMO);
  assert.equal(again.headers.get('x-tokenops-cache'), 'hit');
  assert.equal(embeddingCalls(), embeddingsBefore + 2);

  const miss = await eventOf(gateway, first);
  assert.equal(miss.cacheOutcome, 'miss');
  assert.ok(Math.abs((miss.pricing.effective?.total ?? 0) - AVOIDED) < 1e-12);
  const hit = await eventOf(gateway, second);
  assert.equal(hit.status, 'ok');
  assert.equal(hit.cacheOutcome, 'hit');
  assert.equal(hit.tags.extra?.cache, 'semantic');
  assert.equal(hit.model, 'gpt-4o-mini');
  assert.equal(hit.tokens.input + hit.tokens.output, 0);
  assert.equal(hit.pricing.effective?.total, 0);
  assert.ok(Math.abs((hit.avoidedCost ?? 0) - AVOIDED) < 1e-12, `avoided ${hit.avoidedCost}`);
});

test('the embedding is its own priced event, with the tags of the call it serves', async () => {
  const response = await chat(gateway.base, 'Classify this ticket as billing or technical.', {
    'x-tokenops-customer': 'acme',
  });
  assert.equal(response.headers.get('x-tokenops-cache'), 'miss');
  const events = await gateway.events();
  const embedding = events.filter(
    (event) => event.tags.extra?.purpose === 'semantic-cache' && event.tags.customer === 'acme',
  );
  assert.equal(embedding.length, 1);
  const [event] = embedding as [PricedUsageEvent];
  assert.equal(event.operation, 'embeddings');
  assert.equal(event.provider, 'openai');
  assert.equal(event.model, 'text-embedding-3-small');
  assert.equal(event.status, 'ok');
  assert.deepEqual(
    [event.tags.team, event.tags.feature, event.tags.customer],
    ['cache', 'summarize', 'acme'],
  );
  assert.equal(event.tokens.input, 1000);
  assert.ok(Math.abs((event.pricing.effective?.total ?? 0) - EMBEDDING_COST) < 1e-12);
  assert.notEqual(event.requestId, response.headers.get('x-tokenops-request-id'));
});

test('a streamed paraphrase replays from the cache as the same stream (official client)', async () => {
  const client = new OpenAI({
    apiKey: 'sk-test',
    baseURL: `${gateway.base}/openai/v1`,
    defaultHeaders: { 'x-tokenops-team': 'cache', 'x-tokenops-feature': 'summarize' },
  });
  const read = async (content: string) => {
    const { data, response } = await client.chat.completions
      .create({ model: 'gpt-4o-mini', stream: true, messages: [{ role: 'user', content }] })
      .withResponse();
    let text = '';
    let chunks = 0;
    for await (const chunk of data) {
      assert.equal(chunk.usage ?? null, null);
      text += chunk.choices[0]?.delta.content ?? '';
      chunks += 1;
    }
    return { text, chunks, response };
  };
  const before = chatCalls();
  // 12 distinct words, `the` twice: |A|² = 11 + 4 = 15; with `please`, 15 / √(15 × 16) = 0.968.
  const first = await read('Stream a short summary of the quarterly memo for the whole board');
  const second = await read(
    'Please stream a short summary of the quarterly memo for the whole board',
  );
  assert.equal(chatCalls(), before + 1);
  assert.equal(first.response.headers.get('x-tokenops-cache'), 'miss');
  assert.equal(second.response.headers.get('x-tokenops-cache'), 'semantic-hit');
  assert.match(second.response.headers.get('content-type') ?? '', /text\/event-stream/);
  assert.ok(first.text.length > 0);
  assert.equal(second.text, first.text);
  assert.equal(second.chunks, first.chunks);
  // A JSON call is never answered with the stream, however near its words.
  const json = await chat(
    gateway.base,
    'Stream a short summary of the quarterly memo for the whole board',
  );
  assert.equal(json.headers.get('x-tokenops-cache'), 'miss');
  assert.equal(chatCalls(), before + 2);
});

test('a wording below the threshold is a miss, and a scope can ask for a nearer one', async () => {
  const before = chatCalls();
  const french = await chat(gateway.base, MEMO_FRENCH);
  assert.equal(french.headers.get('x-tokenops-cache'), 'miss');
  assert.equal(chatCalls(), before + 1);
  // 0.9535 passes 0.95 but not the strict scope's 0.99.
  const strict = { 'x-tokenops-feature': 'strict' };
  assert.equal((await chat(gateway.base, MEMO, strict)).headers.get('x-tokenops-cache'), 'miss');
  const near = await chat(gateway.base, MEMO_PLEASE, strict);
  assert.equal(near.headers.get('x-tokenops-cache'), 'miss');
  assert.equal(chatCalls(), before + 3);
});

test('two teams never share an answer, however near their words', async () => {
  const before = chatCalls();
  const text = 'Write the weekly status note for the platform team.';
  const a = await chat(gateway.base, text, { 'x-tokenops-team': 'team-a' });
  const b = await chat(gateway.base, text, { 'x-tokenops-team': 'team-b' });
  assert.equal(a.headers.get('x-tokenops-cache'), 'miss');
  assert.equal(b.headers.get('x-tokenops-cache'), 'miss');
  assert.equal(chatCalls(), before + 2);
  // Within one team a paraphrase hits: 12 / √(12 × 13) = 0.961.
  const again = await chat(
    gateway.base,
    'Please write the weekly status note for the platform team.',
    {
      'x-tokenops-team': 'team-b',
    },
  );
  assert.equal(again.headers.get('x-tokenops-cache'), 'semantic-hit');
});

test('other parameters (temperature, model) are never answered by near words', async () => {
  const before = chatCalls();
  await chat(gateway.base, MEMO, {}, { temperature: 0 });
  const warmer = await chat(gateway.base, MEMO_PLEASE, {}, { temperature: 1 });
  assert.equal(warmer.headers.get('x-tokenops-cache'), 'miss');
  const other = await chat(gateway.base, MEMO_PLEASE, {}, { temperature: 0, model: 'gpt-4o' });
  assert.equal(other.headers.get('x-tokenops-cache'), 'miss');
  assert.equal(chatCalls(), before + 3);
});

test('calls outside every semantic scope are not embedded', async () => {
  const before = embeddingCalls();
  const response = await chat(gateway.base, MEMO, { 'x-tokenops-feature': 'chat' });
  assert.equal(response.headers.get('x-tokenops-cache'), null);
  const bypass = await chat(gateway.base, MEMO_PLEASE, { 'cache-control': 'no-cache' });
  assert.equal(bypass.headers.get('x-tokenops-cache'), 'bypass');
  assert.equal(embeddingCalls(), before);
  assert.equal((await eventOf(gateway, bypass)).cacheOutcome, 'bypass');
});

test('an embedding endpoint that fails or hangs makes a miss, and the call succeeds', async () => {
  for (const [model, timeoutMs] of [
    ['broken-embedder', 2000],
    ['hanging-embedder', 200],
  ] as const) {
    const harness = await startGatewayHarness({
      directory: tempDirectory(`gateway-semantic-${model}`),
      providers: { openai: { baseUrl: openai.url } },
      optimization: { semanticCache: semanticCache({ model, timeoutMs }) },
    });
    try {
      const before = chatCalls();
      const started = performance.now();
      const first = await chat(harness.base, MEMO);
      const second = await chat(harness.base, MEMO_PLEASE);
      for (const response of [first, second]) {
        assert.equal(response.status, 200);
        assert.equal(response.headers.get('x-tokenops-cache'), 'miss');
        assert.match(response.bodyText, /chat\.completion/);
      }
      assert.equal(chatCalls(), before + 2);
      // Two calls, each waiting at most timeoutMs for its embedding.
      assert.ok(performance.now() - started < 2 * timeoutMs + 1500);
      const warnings = harness.logs.filter((line) => line.includes('semantic cache embeddings'));
      assert.equal(warnings.length, 1, harness.logs.join('\n'));
      const failed = (await harness.events()).filter(
        (event) => event.tags.extra?.purpose === 'semantic-cache',
      );
      assert.equal(failed.length, 2);
      assert.ok(failed.every((event) => event.status === 'error'));
      assert.equal((await eventOf(harness, first)).cacheOutcome, 'miss');
    } finally {
      await harness.close();
    }
  }
});
