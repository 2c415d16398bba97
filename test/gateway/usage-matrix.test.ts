import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startStandIn, type StandIn } from '../../src/demo/stand-ins/index.ts';
import { createPricer } from '../../src/pricing/index.ts';
import { createProviderRegistry } from '../../src/providers/index.ts';
import type { PricedUsageEvent } from '../../src/domain/usage-event.ts';
import { startGatewayHarness, type GatewayHarness } from '../helpers/gateway-harness.ts';
import { runCliJson } from '../helpers/run-cli.ts';
import { tempDirectory } from '../helpers/temp-directory.ts';
import { countTokens as countO200k } from 'gpt-tokenizer/encoding/o200k_base';
import { USAGE_CASES, type UsageCase } from './usage-cases.ts';

const registry = createProviderRegistry([{ name: 'vllm', catalogProviderId: 'openai' }]);
const pricer = createPricer({ registry });
const directory = tempDirectory('gateway-usage');
const standIns: StandIn[] = [];
let gateway: GatewayHarness;
const answers = new Map<string, { requestId: string; text: string; status: number }>();
let events: Map<string, PricedUsageEvent>;
const SPECIAL_NAME = 'openai chat, a system prompt quoting <|endoftext|>';
const SPECIAL_PROMPT = 'Documents end with <|endoftext|>; never write it yourself.';

before(async () => {
  const kinds = ['openai', 'anthropic', 'gemini', 'bedrock'] as const;
  for (const kind of kinds) standIns.push(await startStandIn({ kind }));
  const [openai, anthropic, gemini, bedrock] = standIns.map((standIn) => standIn.url);
  gateway = await startGatewayHarness({
    directory,
    compatible: [{ name: 'vllm', catalogProviderId: 'openai' }],
    providers: {
      openai: { baseUrl: openai },
      vllm: { baseUrl: openai },
      anthropic: { baseUrl: anthropic },
      gemini: { baseUrl: gemini },
      bedrock: { baseUrl: bedrock },
    },
  });
  for (const usageCase of USAGE_CASES) {
    const response = await fetch(`${gateway.base}${usageCase.path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-tokenops-team': 'search',
        'x-stand-in-usage': JSON.stringify(usageCase.standInUsage),
      },
      body: JSON.stringify(usageCase.body),
    });
    answers.set(usageCase.name, {
      requestId: response.headers.get('x-tokenops-request-id') ?? '',
      text: await response.text(),
      status: response.status,
    });
  }
  const quoting = await fetch(`${gateway.base}/openai/v1/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-tokenops-team': 'search' },
    body: JSON.stringify({
      model: 'gpt-4o-mini',
      messages: [
        { role: 'system', content: SPECIAL_PROMPT },
        { role: 'user', content: 'Hi' },
      ],
    }),
  });
  answers.set(SPECIAL_NAME, {
    requestId: quoting.headers.get('x-tokenops-request-id') ?? '',
    text: await quoting.text(),
    status: quoting.status,
  });
  events = new Map((await gateway.events()).map((event) => [event.requestId ?? '', event]));
});

after(async () => {
  await gateway.close();
  await Promise.all(standIns.map((standIn) => standIn.close()));
});

function eventOf(usageCase: Pick<UsageCase, 'name'>): PricedUsageEvent {
  const answer = answers.get(usageCase.name);
  assert.equal(answer?.status, 200, `${usageCase.name}: ${answer?.text.slice(0, 300)}`);
  const event = events.get(answer.requestId);
  assert.ok(event, `${usageCase.name}: an event for ${answer.requestId}`);
  return event;
}

test('a system prompt that quotes a special token is counted as ordinary text', () => {
  const event = eventOf({ name: SPECIAL_NAME });
  const expected = countO200k(SPECIAL_PROMPT, { disallowedSpecial: new Set() });
  assert.equal(event.prompt?.systemPromptTokens, expected);
});

for (const usageCase of USAGE_CASES) {
  test(`${usageCase.name}: recorded tokens are the stand-in's, priced as prices cost`, () => {
    const event = eventOf(usageCase);
    const adapter = registry.get(usageCase.provider);
    assert.deepEqual(event.tokens, adapter.normalizeReportedUsage(usageCase.reported));
    assert.equal(event.status, 'ok');
    assert.equal(event.model, usageCase.model);
    assert.equal(event.source, 'gateway');
    assert.equal(event.tags.team, 'search');
    const quote = pricer.quote({
      provider: usageCase.provider,
      model: usageCase.model,
      reported: usageCase.reported,
      tier: 'standard',
      at: new Date(event.timestamp),
    });
    assert.ok(quote.priced, `${usageCase.model} is priced`);
    assert.ok(
      Math.abs((event.pricing.effective?.total ?? NaN) - (quote.total_cost ?? NaN)) < 1e-12,
    );
    if (usageCase.stream) assert.ok(event.timeToFirstTokenMs !== undefined, 'time to first token');
    assert.ok(event.prompt?.systemPromptTokens, 'system prompt tokens counted');
    assert.match(event.promptFingerprint ?? '', /^[0-9a-f]{16}$/);
  });
}

test('an OpenAI stream is asked for usage, and the caller who did not ask never sees it', () => {
  const stream = answers.get('openai chat cached stream');
  assert.ok(stream);
  assert.ok(stream.text.includes('data: [DONE]'));
  assert.doesNotMatch(stream.text, /"usage":\{/);
  const forwarded = standIns[0]?.requests.find(
    (request) => request.path === '/v1/chat/completions' && request.body.includes('"stream":true'),
  );
  assert.match(forwarded?.body ?? '', /"include_usage":true/);
  assert.equal(forwarded?.headers['x-tokenops-team'], undefined, 'tokenops headers stripped');
});

test('the costs are exactly what `tokenops prices cost` prints for the same counts', () => {
  for (const name of [
    'openai chat cached json',
    'anthropic messages reasoning stream',
    'gemini generateContent reasoning',
  ]) {
    const usageCase = USAGE_CASES.find((candidate) => candidate.name === name) as UsageCase;
    const { reported } = usageCase;
    const printed = runCliJson<{ total_cost: number }>(
      [
        'prices',
        'cost',
        '--provider',
        usageCase.provider,
        '--model',
        usageCase.model,
        '--input',
        String(reported.input),
        '--output',
        String(reported.output),
        '--cache-read',
        String(reported.cacheRead),
        '--cache-write',
        String(reported.cacheWrite),
        '--reasoning',
        String(reported.reasoning),
      ],
      directory,
    );
    const event = eventOf(usageCase);
    assert.ok(Math.abs((event.pricing.effective?.total ?? NaN) - printed.total_cost) < 1e-12, name);
  }
});
