import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startStandIn, type StandIn } from '../../src/demo/stand-ins/index.ts';
import { hashVirtualKey } from '../../src/gateway/index.ts';
import {
  createRedisLedger,
  type Budget,
  type Ledger,
  type Policy,
} from '../../src/govern/index.ts';
import { startGatewayHarness, type GatewayHarness } from '../helpers/gateway-harness.ts';
import { tempDirectory } from '../helpers/temp-directory.ts';

// Every call reports 1,000 prompt and 500 completion tokens: on gpt-4o-mini ($0.15 and
// $0.60 per 1M) that is 1000 × 0.15e-6 + 500 × 0.60e-6 = $0.00045 a call.
const NOW = Date.parse('2026-12-02T10:00:30Z');
const KEY = 'tok_governance-test-key';
const OTHER_KEY = 'tok_governance-other-key';

const budget = (fields: Partial<Budget> & Pick<Budget, 'name' | 'limitUsd'>): Budget => ({
  scope: {},
  period: 'month',
  hard: true,
  thresholds: [],
  onRedisDown: 'open',
  ...fields,
});
const policy = (fields: Partial<Policy> & Pick<Policy, 'name'>): Policy => ({
  match: {},
  ...fields,
});

const directories = {
  main: tempDirectory('governance-refusals'),
  redisDown: tempDirectory('governance-redis-down'),
};
let openai: StandIn;
let gateway: GatewayHarness;
let redisDown: GatewayHarness;
let unreachable: Ledger;

before(async () => {
  openai = await startStandIn({
    kind: 'openai',
    usage: { prompt_tokens: 1000, completion_tokens: 500 },
  });
  gateway = await startGatewayHarness({
    directory: directories.main,
    providers: { openai: { baseUrl: openai.url, apiKey: 'sk-configured' } },
    virtualKeys: [
      { name: 'ci-key', hash: hashVirtualKey(KEY), tags: { team: 'ci' } },
      { name: 'other-key', hash: hashVirtualKey(OTHER_KEY), tags: { team: 'keyed' } },
    ],
    governance: {
      now: () => NOW,
      // Summaries usually write 2,000 tokens: what a call without max_tokens reserves.
      usualOutput: {
        get: (feature) => (feature === 'summarise' ? 2000 : undefined),
        refresh: () => Promise.resolve(),
      },
      budgets: [
        budget({ name: 'search-month', scope: { team: 'search' }, limitUsd: 0.001 }),
        budget({ name: 'soft', scope: { team: 'soft' }, limitUsd: 0.0001, hard: false }),
        budget({ name: 'ci-key-day', virtualKey: 'ci-key', period: 'day', limitUsd: 0.0001 }),
        budget({ name: 'summaries', scope: { feature: 'summarise' }, limitUsd: 0.001 }),
      ],
      policies: [
        policy({ name: 'tagged-prod', match: { environment: 'prod' }, requireTags: ['feature'] }),
        policy({ name: 'no-4o', match: { team: 'research' }, denyModels: ['gpt-4o'] }),
        policy({ name: 'mini-only', match: { team: 'support' }, allowModels: ['*-mini'] }),
        policy({ name: 'small-calls', match: { team: 'batch' }, maxTokensPerRequest: 400 }),
        policy({ name: 'ingest-tpm', match: { team: 'ingest' }, tokensPerMinute: 1200 }),
      ],
    },
  });
  redisDown = await startGatewayHarness({
    directory: directories.redisDown,
    providers: { openai: { baseUrl: openai.url } },
    governance: {
      ledger: (unreachable = await createRedisLedger('redis://127.0.0.1:1', {
        readyTimeoutMs: 100,
      })),
      budgets: [
        budget({
          name: 'closed-budget',
          scope: { team: 'closed' },
          limitUsd: 10,
          onRedisDown: 'closed',
        }),
        budget({ name: 'open-budget', scope: { team: 'open' }, limitUsd: 10 }),
      ],
    },
  });
});

after(async () => {
  await gateway.close();
  await redisDown.close();
  await unreachable.close();
  await openai.close();
});

async function chat(
  harness: GatewayHarness,
  headers: Record<string, string>,
  body: Record<string, unknown> = {},
): Promise<{ status: number; headers: Headers; json: { error?: Record<string, unknown> } }> {
  const response = await fetch(`${harness.base}/openai/v1/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({
      model: 'gpt-4o-mini',
      max_tokens: 500,
      messages: [{ role: 'user', content: 'hi' }],
      ...body,
    }),
  });
  return {
    status: response.status,
    headers: response.headers,
    json: (await response.json()) as { error?: Record<string, unknown> },
  };
}

test('a hard budget answers 429 naming the budget, its spend and its reset, before forwarding', async () => {
  const search = { 'x-tokenops-team': 'search' };
  // Each call reserves 1 prompt token + 500 max_tokens = $0.00030015 and settles $0.00045.
  assert.equal((await chat(gateway, search)).status, 200);
  assert.equal((await chat(gateway, search)).status, 200); // 0.00045 + 0.0003 ≤ 0.001
  const forwarded = openai.requests.length;
  const refused = await chat(gateway, search); // 0.0009 + 0.0003 > 0.001
  assert.equal(refused.status, 429);
  assert.equal(openai.requests.length, forwarded, 'the refused call never reached the provider');
  const error = refused.json.error ?? {};
  assert.equal(error.type, 'budget_exceeded');
  assert.equal(error.budget, 'search-month');
  assert.equal(error.spent_usd, 0.0009);
  assert.equal(error.limit_usd, 0.001);
  assert.equal(error.resets_at, '2027-01-01T00:00:00.000Z');
  assert.ok(Math.abs(Number(error.estimate_usd) - 0.00030015) < 1e-9);
  assert.match(
    String(error.message),
    /budget "search-month" of team=search has spent \$0\.0009 of \$0\.0010 this month; .* resets at 2027-01-01T00:00:00\.000Z/,
  );
  assert.match(String(error.fix), /raise budgets "search-month" limitUsd/);
  assert.equal(
    refused.headers.get('retry-after'),
    String(Math.ceil((Date.parse('2027-01-01') - NOW) / 1000)),
  );
  assert.ok(refused.headers.get('x-tokenops-request-id'));
  assert.equal((await chat(gateway, { 'x-tokenops-team': 'other' })).status, 200);
});

test("without max_tokens a budget reserves the feature's usual output", async () => {
  const summarise = { 'x-tokenops-feature': 'summarise' };
  const refused = await chat(gateway, summarise, { max_tokens: undefined });
  assert.equal(refused.status, 429);
  // 1 prompt token × $0.15/M + 2,000 usual output tokens × $0.60/M = $0.00120015 > $0.001.
  assert.ok(Math.abs(Number(refused.json.error?.estimate_usd) - 0.00120015) < 1e-9);
  assert.equal(refused.json.error?.spent_usd, 0);
  assert.equal((await chat(gateway, summarise)).status, 200); // max_tokens 500: $0.00030015
});

test('a soft budget past its limit never refuses', async () => {
  // $0.00045 a call against $0.0001: past the limit from the first call on.
  for (let call = 0; call < 3; call += 1) {
    assert.equal((await chat(gateway, { 'x-tokenops-team': 'soft' })).status, 200);
  }
});

test('a budget on a virtual key counts only calls made with that key', async () => {
  const refused = await chat(gateway, { authorization: `Bearer ${KEY}` });
  assert.equal(refused.status, 429);
  assert.equal(refused.json.error?.budget, 'ci-key-day');
  assert.equal(refused.json.error?.resets_at, '2026-12-03T00:00:00.000Z');
  assert.equal((await chat(gateway, { 'x-tokenops-team': 'ci' })).status, 200);
});

test('a policy refuses a call missing a required tag with 400 naming the header', async () => {
  const refused = await chat(gateway, { 'x-tokenops-env': 'prod', 'x-tokenops-team': 'web' });
  assert.equal(refused.status, 400);
  assert.equal(refused.json.error?.type, 'missing_required_tags');
  assert.match(
    String(refused.json.error?.message),
    /policy "tagged-prod" requires the tag feature on calls of environment=prod/,
  );
  assert.match(String(refused.json.error?.fix), /send x-tokenops-feature/);
  const tagged = { 'x-tokenops-env': 'prod', 'x-tokenops-feature': 'chat' };
  assert.equal((await chat(gateway, tagged)).status, 200);
});

test('denied and not-allowed models are refused with 403 naming the policy', async () => {
  const denied = await chat(gateway, { 'x-tokenops-team': 'research' }, { model: 'gpt-4o' });
  assert.equal(denied.status, 403);
  assert.equal(denied.json.error?.type, 'model_not_allowed');
  assert.match(
    String(denied.json.error?.message),
    /policy "no-4o" does not allow the model gpt-4o of team=research/,
  );
  assert.equal((await chat(gateway, { 'x-tokenops-team': 'research' })).status, 200);

  const outside = await chat(gateway, { 'x-tokenops-team': 'support' }, { model: 'gpt-4.1' });
  assert.equal(outside.status, 403);
  assert.match(String(outside.json.error?.fix), /use one of \*-mini/);
});

test('a call over the per-request token cap is refused with 400 and its count', async () => {
  const refused = await chat(gateway, { 'x-tokenops-team': 'batch' });
  assert.equal(refused.status, 400);
  assert.equal(refused.json.error?.type, 'token_cap_exceeded');
  assert.match(
    String(refused.json.error?.message),
    /asks for 501 tokens \(1 prompt \+ 500 output cap\); policy "small-calls" allows at most 400/,
  );
  assert.equal(
    (await chat(gateway, { 'x-tokenops-team': 'batch' }, { max_tokens: 300 })).status,
    200,
  );
});

test('tokens per minute: 429 with Retry-After once the minute is used', async () => {
  const ingest = { 'x-tokenops-team': 'ingest' };
  assert.equal((await chat(gateway, ingest)).status, 200); // reserves 501, settles 1,500
  const refused = await chat(gateway, ingest);
  assert.equal(refused.status, 429);
  assert.equal(refused.json.error?.type, 'rate_limit_exceeded');
  assert.match(
    String(refused.json.error?.message),
    /policy "ingest-tpm" allows 1200 tokens per minute of team=ingest; 1500 are used this minute and this call asks for 501/,
  );
  assert.equal(refused.headers.get('retry-after'), '30');
});

test('Redis down: a closed budget refuses with 503, an open one lets calls through', async () => {
  const closed = await chat(redisDown, { 'x-tokenops-team': 'closed' });
  assert.equal(closed.status, 503);
  assert.equal(closed.json.error?.type, 'budget_unavailable');
  assert.match(
    String(closed.json.error?.message),
    /budget "closed-budget" cannot be checked: the shared budget store at 127\.0\.0\.1:1 is unavailable/,
  );
  assert.equal((await chat(redisDown, { 'x-tokenops-team': 'open' })).status, 200);
});

test('calls made with a virtual key carry its name; a header cannot claim one', async () => {
  await chat(gateway, {
    'x-tokenops-team': 'plain',
    'x-tokenops-tags': 'virtual_key=ci-key;region=eu',
  });
  await chat(gateway, {
    authorization: `Bearer ${OTHER_KEY}`,
    'x-tokenops-tags': 'virtual_key=ci-key',
  });
  const events = await gateway.events();
  const plain = events.find((event) => event.tags.team === 'plain');
  assert.deepEqual(plain?.tags.extra, { region: 'eu' });
  const keyed = events.find((event) => event.tags.team === 'keyed');
  assert.deepEqual(keyed?.tags.extra, { virtual_key: 'other-key' });
});
