import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import { startStandIn, type StandIn } from '../../src/demo/stand-ins/index.ts';
import { createTokenops, type Tokenops } from '../../src/sdk/index.ts';
import type { ReportRow } from '../../src/store/report-spec.ts';
import { startGatewayHarness, type GatewayHarness } from '../helpers/gateway-harness.ts';
import { tempDirectory } from '../helpers/temp-directory.ts';

/**
 * The same four model calls fed through each way in — the gateway, the SDK, the events API
 * and the OTLP receiver, each into its own store — give the same report rows.
 */
interface Call {
  provider: 'openai' | 'anthropic';
  model: string;
  stream: boolean;
  team: string;
  feature: string;
  /** The provider's own usage object fields, as the stand-in reports them. */
  usage: Record<string, number>;
  /** The same usage normalised (PRODUCT.md §9), as the events API and OTLP take it. */
  tokens: { input: number; output: number; cacheRead: number; cacheWrite: number };
}

const CALLS: readonly Call[] = [
  {
    provider: 'openai',
    model: 'gpt-4o-mini',
    stream: false,
    team: 'search',
    feature: 'answer',
    usage: { prompt_tokens: 1500, completion_tokens: 220, cached_tokens: 1024 },
    tokens: { input: 1500, output: 220, cacheRead: 1024, cacheWrite: 0 },
  },
  {
    provider: 'openai',
    model: 'gpt-4o-mini',
    stream: true,
    team: 'search',
    feature: 'summarize',
    usage: { prompt_tokens: 800, completion_tokens: 90, cached_tokens: 0 },
    tokens: { input: 800, output: 90, cacheRead: 0, cacheWrite: 0 },
  },
  {
    provider: 'anthropic',
    model: 'claude-sonnet-4-5-20250929',
    stream: false,
    team: 'support',
    feature: 'triage',
    usage: {
      input_tokens: 40,
      output_tokens: 310,
      cache_read_input_tokens: 2048,
      cache_creation_5m: 512,
    },
    // Anthropic's input_tokens leaves out the cache: 40 + 2,048 + 512.
    tokens: { input: 2600, output: 310, cacheRead: 2048, cacheWrite: 512 },
  },
  {
    provider: 'anthropic',
    model: 'claude-sonnet-4-5-20250929',
    stream: true,
    team: 'support',
    feature: 'triage',
    usage: {
      input_tokens: 100,
      output_tokens: 50,
      cache_read_input_tokens: 0,
      cache_creation_5m: 0,
    },
    tokens: { input: 100, output: 50, cacheRead: 0, cacheWrite: 0 },
  },
];

const directory = tempDirectory('four-doors');
const doors: Record<'gateway' | 'sdk' | 'events' | 'otlp', GatewayHarness> = {} as never;
let openaiStandIn: StandIn;
let anthropicStandIn: StandIn;
let tokenops: Tokenops;

before(async () => {
  openaiStandIn = await startStandIn({ kind: 'openai' });
  anthropicStandIn = await startStandIn({ kind: 'anthropic' });
  const providers = {
    openai: { baseUrl: openaiStandIn.url },
    anthropic: { baseUrl: anthropicStandIn.url },
  };
  for (const name of ['gateway', 'sdk', 'events', 'otlp'] as const) {
    doors[name] = await startGatewayHarness({ directory: `${directory}/${name}`, providers });
  }
  tokenops = createTokenops({ url: doors.sdk.base });
});

after(async () => {
  await tokenops.shutdown();
  for (const harness of Object.values(doors)) await harness.close();
  await openaiStandIn.close();
  await anthropicStandIn.close();
});

/** Makes each call with the official client; `base` decides where the client sends it. */
async function callWithClients(openai: OpenAI, anthropic: Anthropic): Promise<void> {
  for (const call of CALLS) {
    const headers = {
      'x-tokenops-team': call.team,
      'x-tokenops-feature': call.feature,
      'x-stand-in-usage': JSON.stringify(call.usage),
    };
    const messages = [{ role: 'user' as const, content: 'hi' }];
    if (call.provider === 'openai') {
      if (!call.stream) {
        await openai.chat.completions.create({ model: call.model, messages }, { headers });
        continue;
      }
      const stream = await openai.chat.completions.create(
        { model: call.model, messages, stream: true },
        { headers },
      );
      for await (const chunk of stream) assert.ok(chunk.id);
      continue;
    }
    const body = { model: call.model, max_tokens: 100, messages };
    if (call.stream) await anthropic.messages.stream(body, { headers }).finalMessage();
    else await anthropic.messages.create(body, { headers });
  }
}

function wireEvent(call: Call, index: number): Record<string, unknown> {
  return {
    id: `call-${index}`,
    timestamp: new Date().toISOString(),
    provider: call.provider,
    model: call.model,
    input_tokens: call.tokens.input,
    output_tokens: call.tokens.output,
    cache_read_tokens: call.tokens.cacheRead,
    cache_write_tokens: call.tokens.cacheWrite,
    tags: { team: call.team, feature: call.feature },
  };
}

function otlpSpan(call: Call, index: number): Record<string, unknown> {
  const attribute = (key: string, value: string | number) => ({
    key,
    value: typeof value === 'string' ? { stringValue: value } : { intValue: String(value) },
  });
  const now = BigInt(Date.now()) * 1_000_000n;
  return {
    traceId: (index + 1).toString(16).padStart(32, '0'),
    spanId: (index + 1).toString(16).padStart(16, '0'),
    name: `chat ${call.model}`,
    kind: 3,
    startTimeUnixNano: String(now),
    endTimeUnixNano: String(now + 5_000_000n),
    attributes: [
      attribute('gen_ai.operation.name', 'chat'),
      attribute('gen_ai.provider.name', call.provider),
      attribute('gen_ai.request.model', call.model),
      attribute('gen_ai.response.model', call.model),
      attribute('gen_ai.usage.input_tokens', call.tokens.input),
      attribute('gen_ai.usage.output_tokens', call.tokens.output),
      attribute('gen_ai.usage.cache_read.input_tokens', call.tokens.cacheRead),
      attribute('gen_ai.usage.cache_creation.input_tokens', call.tokens.cacheWrite),
      attribute('tokenops.team', call.team),
      attribute('tokenops.feature', call.feature),
    ],
  };
}

async function post(url: string, body: unknown): Promise<Record<string, unknown>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  assert.equal(response.status, 200);
  return (await response.json()) as Record<string, unknown>;
}

async function report(harness: GatewayHarness): Promise<ReportRow[]> {
  await harness.spool.flush();
  const response = await fetch(`${harness.base}/api/v1/report?by=provider,model,team,feature`);
  return (await response.json()) as ReportRow[];
}

test('the gateway, the SDK, the events API and OTLP give identical report rows for the same calls', async () => {
  const viaGateway = doors.gateway.base;
  await callWithClients(
    new OpenAI({ apiKey: 'sk-test', baseURL: `${viaGateway}/openai/v1` }),
    new Anthropic({ apiKey: 'sk-ant-test', baseURL: `${viaGateway}/anthropic` }),
  );
  await callWithClients(
    tokenops.wrapOpenAI(new OpenAI({ apiKey: 'sk-test', baseURL: `${openaiStandIn.url}/v1` })),
    tokenops.wrapAnthropic(new Anthropic({ apiKey: 'sk-ant-test', baseURL: anthropicStandIn.url })),
  );
  await tokenops.flush();
  const stored = await post(`${doors.events.base}/api/v1/events`, CALLS.map(wireEvent));
  assert.deepEqual(stored.refused, []);
  const exported = await post(`${doors.otlp.base}/v1/traces`, {
    resourceSpans: [{ resource: { attributes: [] }, scopeSpans: [{ spans: CALLS.map(otlpSpan) }] }],
  });
  assert.deepEqual(exported, {}, 'no span rejected');

  const rows = {
    gateway: await report(doors.gateway),
    sdk: await report(doors.sdk),
    events: await report(doors.events),
    otlp: await report(doors.otlp),
  };
  assert.equal(rows.gateway.length, 3);
  assert.deepEqual(rows.sdk, rows.gateway, 'SDK rows equal the gateway rows');
  assert.deepEqual(rows.events, rows.gateway, 'events API rows equal the gateway rows');
  assert.deepEqual(rows.otlp, rows.gateway, 'OTLP rows equal the gateway rows');
  const answer = rows.gateway.find((row) => row.feature === 'answer');
  // gpt-4o-mini: 476 uncached × $0.15/M + 1,024 cached × $0.075/M + 220 output × $0.60/M.
  assert.equal(answer?.cost, 0.0002802);
  assert.equal(answer?.requests, 1);
  const triage = rows.gateway.find((row) => row.feature === 'triage');
  assert.equal(triage?.requests, 2);
  assert.equal(triage?.input_tokens, 2700);
});
