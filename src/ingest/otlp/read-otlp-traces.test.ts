import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { sumClassCosts } from '../../domain/money.ts';
import { createPricer } from '../../pricing/index.ts';
import { createProviderRegistry } from '../../providers/index.ts';
import { readOtlpTraces } from './read-otlp-traces.ts';

const FIXTURE = new URL('../../../../shared/fixtures/otlp-genai-traces.json', import.meta.url);
const registry = createProviderRegistry([]);
const options = { knownProviders: registry.names(), tagAttributes: {} };
const trace = '4bf92f3577b34da6a3ce929d0e0e4736';
const resourceTags = { service: 'research-api', environment: 'prod', team: 'search' };

describe('readOtlpTraces', () => {
  it('turns the fixture into its two model calls, tokens normalised by hand', () => {
    const batch = readOtlpTraces(readFileSync(FIXTURE), 'json', options);
    assert.equal(batch.skipped, 2, 'invoke_agent and execute_tool carry no usage');
    assert.deepEqual(batch.rejected, []);
    assert.deepEqual(batch.events, [
      {
        id: `otlp-${trace}-53995c3f42cd8ad8`,
        requestId: 'chatcmpl-Dq7xC9pMr3NtV5uYe2QdAk7H',
        traceId: trace,
        spanId: '53995c3f42cd8ad8',
        parentSpanId: '00f067aa0ba902b7',
        timestamp: 1_773_151_620_050,
        source: 'otlp',
        provider: 'openai',
        requestedModel: 'gpt-4o-mini',
        model: 'gpt-4o-mini-2024-07-18',
        operation: 'chat',
        serviceTier: 'standard',
        // Current convention: 1,850 input already includes the 1,024 cache reads.
        tokens: {
          input: 1850,
          output: 96,
          cacheRead: 1024,
          cacheWrite: 0,
          cacheWrite1h: 0,
          reasoning: 0,
        },
        latencyMs: 3030,
        status: 'ok',
        attempt: 1,
        tags: resourceTags,
      },
      {
        id: `otlp-${trace}-b7ad6b7169203331`,
        requestId: 'msg_01Hq8wS3nU0qMt5OdX9cZ4iK',
        traceId: trace,
        spanId: 'b7ad6b7169203331',
        parentSpanId: '00f067aa0ba902b7',
        timestamp: 1_773_151_625_950,
        source: 'otlp',
        provider: 'anthropic',
        requestedModel: 'claude-sonnet-4-5',
        model: 'claude-sonnet-4-5-20250929',
        operation: 'chat',
        serviceTier: 'standard',
        // Legacy names: prompt_tokens 13,130 = 842 uncached + 12,288 cache reads, kept whole.
        tokens: {
          input: 13130,
          output: 27,
          cacheRead: 12288,
          cacheWrite: 0,
          cacheWrite1h: 0,
          reasoning: 0,
        },
        latencyMs: 15360,
        status: 'ok',
        attempt: 1,
        tags: resourceTags,
      },
    ]);
  });

  it('prices the fixture calls at catalog rates', () => {
    const pricer = createPricer({ registry });
    const costs = readOtlpTraces(readFileSync(FIXTURE), 'json', options).events.map((event) => {
      const list = pricer.price(event).list;
      return list ? sumClassCosts(list).total : null;
    });
    // gpt-4o-mini: 826 × $0.15 + 1,024 × $0.075 + 96 × $0.60 per 1M = $0.0002583.
    // Claude Sonnet 4.5: 842 × $3 + 12,288 × $0.30 + 27 × $15 per 1M = $0.0066174.
    assert.ok(Math.abs((costs[0] ?? 0) - 0.0002583) < 1e-12, `gpt-4o-mini cost ${costs[0]}`);
    assert.ok(Math.abs((costs[1] ?? 0) - 0.0066174) < 1e-12, `sonnet cost ${costs[1]}`);
  });

  it('adds cache counts to an input that cannot have included them, and maps tags', () => {
    const span = {
      traceId: trace,
      spanId: '1111111111111111',
      startTimeUnixNano: '1773151620000000000',
      endTimeUnixNano: 1_773_151_620_500_000_000,
      status: { code: 2 },
      attributes: [
        { key: 'gen_ai.system', value: { stringValue: 'az.ai.openai' } },
        { key: 'gen_ai.request.model', value: { stringValue: 'gpt-4o' } },
        { key: 'gen_ai.usage.input_tokens', value: { intValue: 100 } },
        { key: 'gen_ai.usage.cache_read.input_tokens', value: { intValue: '400' } },
        { key: 'gen_ai.usage.output_tokens', value: { intValue: '50' } },
        { key: 'gen_ai.usage.reasoning.output_tokens', value: { intValue: '20' } },
        { key: 'error.type', value: { stringValue: 'timeout' } },
        { key: 'tokenops.env', value: { stringValue: 'staging' } },
        { key: 'app.owner', value: { stringValue: 'ml-platform' } },
      ],
    };
    const body = Buffer.from(
      JSON.stringify({ resourceSpans: [{ scopeSpans: [{ spans: [span] }] }] }),
    );
    const [event] = readOtlpTraces(body, 'json', {
      ...options,
      tagAttributes: { 'app.owner': 'team' },
    }).events;
    assert.deepEqual(event?.tokens, {
      input: 500,
      output: 50,
      cacheRead: 400,
      cacheWrite: 0,
      cacheWrite1h: 0,
      reasoning: 20,
    });
    assert.equal(event?.provider, 'azure');
    assert.equal(event?.status, 'error');
    assert.equal(event?.errorKind, 'timeout');
    assert.equal(event?.latencyMs, 500);
    assert.deepEqual(event?.tags, { environment: 'staging', team: 'ml-platform' });
  });

  it('rejects a bad span alone and refuses a body of the wrong shape', () => {
    const body = {
      resourceSpans: [
        { scopeSpans: [{ spans: [{ traceId: 'xyz', spanId: '1111111111111111' }] }] },
      ],
    };
    const batch = readOtlpTraces(Buffer.from(JSON.stringify(body)), 'json', options);
    assert.deepEqual(batch.rejected, [
      { path: 'resourceSpans[0].scopeSpans[0].spans[0]', reason: 'traceId must be 32 hex digits' },
    ]);
    assert.throws(
      () => readOtlpTraces(Buffer.from('{"resourceSpans": 5}'), 'json', options),
      /resourceSpans is not an array/,
    );
    assert.throws(() => readOtlpTraces(Buffer.from('{'), 'json', options), /not valid JSON/);
    assert.throws(
      () => readOtlpTraces(Buffer.from([0x0a, 0xff, 0xff]), 'protobuf', options),
      /not a protobuf ExportTraceServiceRequest/,
    );
  });
});
