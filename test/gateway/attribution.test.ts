import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startStandIn, type StandIn } from '../../src/demo/stand-ins/index.ts';
import { generateVirtualKey, hashVirtualKey } from '../../src/gateway/index.ts';
import { startGatewayHarness, type GatewayHarness } from '../helpers/gateway-harness.ts';
import { tempDirectory } from '../helpers/temp-directory.ts';

const virtualKey = generateVirtualKey();
const miniOnlyKey = generateVirtualKey();
let openai: StandIn;
let anthropic: StandIn;
let gateway: GatewayHarness;

const directory = tempDirectory('gateway-attribution');

before(async () => {
  openai = await startStandIn({ kind: 'openai' });
  anthropic = await startStandIn({ kind: 'anthropic' });
  gateway = await startGatewayHarness({
    directory,
    providers: {
      openai: { baseUrl: openai.url, apiKey: 'sk-configured-openai' },
      anthropic: { baseUrl: anthropic.url },
    },
    untagged: 'reject',
    virtualKeys: [
      {
        name: 'search',
        hash: hashVirtualKey(virtualKey),
        tags: { team: 'search', service: 'api', tier: 'gold' },
      },
      {
        name: 'mini-only',
        hash: hashVirtualKey(miniOnlyKey),
        tags: { team: 'search' },
        providers: ['openai'],
        models: ['gpt-4o-mini*'],
      },
    ],
  });
});

after(async () => {
  await gateway.close();
  await openai.close();
  await anthropic.close();
});

async function send(path: string, headers: Record<string, string>, body: unknown) {
  const response = await fetch(`${gateway.base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { response, text: await response.text() };
}

const chatBody = { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] };

test('tags.untagged: reject answers 400 naming the headers to add, and forwards nothing', async () => {
  const before = openai.requests.length;
  const { response, text } = await send('/openai/v1/chat/completions', {}, chatBody);
  assert.equal(response.status, 400);
  assert.match(text, /x-tokenops-team/);
  assert.match(text, /tokenops keys create/);
  assert.equal(openai.requests.length, before);
});

test('headers tag the call, are stripped upstream, and the configured key replaces the caller’s', async () => {
  const { response } = await send(
    '/openai/v1/chat/completions',
    {
      authorization: 'Bearer sk-caller-own',
      'x-tokenops-team': 'growth',
      'x-tokenops-service': 'onboarding',
      'x-tokenops-feature': 'welcome-mail',
      'x-tokenops-env': 'prod',
      'x-tokenops-customer': 'acme',
      'x-tokenops-tags': 'region=eu; experiment=b',
      traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01',
    },
    { ...chatBody, user: 'user-42' },
  );
  assert.equal(response.status, 200);
  const forwarded = openai.requests.at(-1);
  assert.equal(forwarded?.headers.authorization, 'Bearer sk-configured-openai');
  assert.deepEqual(
    Object.keys(forwarded?.headers ?? {}).filter((name) => name.startsWith('x-tokenops')),
    [],
  );
  const event = (await gateway.events()).find(
    (candidate) => candidate.requestId === response.headers.get('x-tokenops-request-id'),
  );
  assert.deepEqual(event?.tags, {
    team: 'growth',
    service: 'onboarding',
    feature: 'welcome-mail',
    environment: 'prod',
    customer: 'acme',
    user: 'user-42',
    extra: { region: 'eu', experiment: 'b' },
  });
  assert.equal(event?.traceId, '0af7651916cd43dd8448eb211c80319c');
  assert.equal(event?.parentSpanId, 'b7ad6b7169203331');
});

test('a virtual key carries its tags and never goes upstream', async () => {
  const { response } = await send(
    '/openai/v1/chat/completions',
    { authorization: `Bearer ${virtualKey}`, 'x-tokenops-feature': 'search-box' },
    chatBody,
  );
  assert.equal(response.status, 200);
  assert.equal(openai.requests.at(-1)?.headers.authorization, 'Bearer sk-configured-openai');
  const event = (await gateway.events()).find(
    (candidate) => candidate.requestId === response.headers.get('x-tokenops-request-id'),
  );
  assert.deepEqual(event?.tags, {
    team: 'search',
    service: 'api',
    feature: 'search-box',
    // The key's name, so spend per key can be reported and budgeted.
    extra: { tier: 'gold', virtual_key: 'search' },
  });
});

test('a virtual key limited to providers and models is refused elsewhere with 403, forwarding nothing', async () => {
  const allowed = await send(
    '/openai/v1/chat/completions',
    { authorization: `Bearer ${miniOnlyKey}` },
    { ...chatBody, model: 'gpt-4o-mini-2024-07-18' },
  );
  assert.equal(allowed.response.status, 200);
  const before = openai.requests.length;
  const otherModel = await send(
    '/openai/v1/chat/completions',
    { authorization: `Bearer ${miniOnlyKey}` },
    { ...chatBody, model: 'gpt-4o' },
  );
  assert.equal(otherModel.response.status, 403);
  assert.match(otherModel.text, /mini-only.{1,3} may ask for gpt-4o-mini\*, not gpt-4o/);
  const unmetered = await fetch(`${gateway.base}/openai/v1/files`, {
    headers: { authorization: `Bearer ${miniOnlyKey}` },
  });
  assert.equal(unmetered.status, 403, 'a path whose model cannot be read is refused');
  assert.equal(openai.requests.length, before);
  const otherProvider = await send(
    '/anthropic/v1/messages',
    { 'x-api-key': miniOnlyKey },
    { model: 'claude-haiku-4-5', max_tokens: 10, messages: [{ role: 'user', content: 'hi' }] },
  );
  assert.equal(otherProvider.response.status, 403);
  assert.match(otherProvider.text, /may call openai, not anthropic/);
});

test('an unknown virtual key is refused with 401', async () => {
  const { response, text } = await send(
    '/openai/v1/chat/completions',
    { authorization: `Bearer ${generateVirtualKey()}` },
    chatBody,
  );
  assert.equal(response.status, 401);
  assert.match(text, /tokenops keys create/);
});

test('a virtual key for a provider without a configured key is refused with the fix', async () => {
  const { response, text } = await send(
    '/anthropic/v1/messages',
    { 'x-api-key': virtualKey },
    {
      model: 'claude-sonnet-4-5-20250929',
      max_tokens: 10,
      messages: [{ role: 'user', content: 'hi' }],
    },
  );
  assert.equal(response.status, 400);
  assert.match(text, /providers\.anthropic\.apiKeyEnv/);
});

test('without a configured key the caller’s own credential passes through; metadata.user_id tags the user', async () => {
  const { response } = await send(
    '/anthropic/v1/messages',
    { 'x-api-key': 'sk-ant-caller', 'x-tokenops-team': 'support' },
    {
      model: 'claude-sonnet-4-5-20250929',
      max_tokens: 10,
      metadata: { user_id: 'u-7' },
      messages: [{ role: 'user', content: 'hi' }],
    },
  );
  assert.equal(response.status, 200);
  assert.equal(anthropic.requests.at(-1)?.headers['x-api-key'], 'sk-ant-caller');
  const event = (await gateway.events()).find(
    (candidate) => candidate.requestId === response.headers.get('x-tokenops-request-id'),
  );
  assert.deepEqual(event?.tags, { team: 'support', user: 'u-7' });
});
