import { storeServers } from '../helpers/store-servers.ts';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SpanKind } from '@opentelemetry/api';
import { OTLPTraceExporter as JsonTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { OTLPTraceExporter as ProtobufTraceExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  BasicTracerProvider,
  SimpleSpanProcessor,
  type SpanExporter,
} from '@opentelemetry/sdk-trace-base';

const START = Date.UTC(2026, 2, 10, 14, 0, 0);

/** Two model calls and a tool call, as an instrumented app would trace them. */
async function exportCalls(exporter: SpanExporter): Promise<void> {
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({
      'service.name': 'checkout',
      'deployment.environment.name': 'prod',
    }),
    spanProcessors: [new SimpleSpanProcessor(exporter)],
  });
  const tracer = provider.getTracer('tokenops-test');
  const call = (name: string, attributes: Record<string, string | number>, offset: number) => {
    const span = tracer.startSpan(name, {
      kind: SpanKind.CLIENT,
      attributes,
      startTime: START + offset,
    });
    span.end(START + offset + 1200);
  };
  call(
    'chat gpt-4o-mini',
    {
      'gen_ai.operation.name': 'chat',
      'gen_ai.provider.name': 'openai',
      'gen_ai.request.model': 'gpt-4o-mini',
      'gen_ai.usage.input_tokens': 1_000_000,
      'gen_ai.usage.output_tokens': 100_000,
      'tokenops.team': 'payments',
    },
    0,
  );
  call(
    'anthropic.chat',
    {
      'gen_ai.system': 'anthropic',
      'gen_ai.request.model': 'claude-sonnet-4-5',
      'gen_ai.usage.prompt_tokens': 2000,
      'gen_ai.usage.completion_tokens': 100,
      'tokenops.team': 'payments',
    },
    2000,
  );
  call('execute_tool lookup', { 'gen_ai.operation.name': 'execute_tool' }, 4000);
  await provider.forceFlush();
  await provider.shutdown();
}

describe('spans exported by the OpenTelemetry JS SDK', () => {
  const { servers, report } = storeServers('otlp-sdk', ['json', 'protobuf']);

  // SimpleSpanProcessor posts each span on its own, so requests also arrive concurrently.
  it('become the same report rows through the JSON and the protobuf exporter', async () => {
    await exportCalls(new JsonTraceExporter({ url: `${servers[0]?.base}/v1/traces` }));
    await exportCalls(new ProtobufTraceExporter({ url: `${servers[1]?.base}/v1/traces` }));
    const rows = await report(0);
    const tags = { team: 'payments', service: 'checkout', environment: 'prod' };
    assert.deepEqual(
      rows.map((row) => [
        row.provider,
        row.model,
        row.team,
        row.service,
        row.environment,
        row.requests,
      ]),
      [
        ['openai', 'gpt-4o-mini', tags.team, tags.service, tags.environment, 1],
        ['anthropic', 'claude-sonnet-4-5', tags.team, tags.service, tags.environment, 1],
      ],
    );
    // 1,000,000 × $0.15 + 100,000 × $0.60 per 1M = $0.21; 2,000 × $3 + 100 × $15 per 1M = $0.0075.
    assert.ok(Math.abs((rows[0]?.cost ?? 0) - 0.21) < 1e-12);
    assert.ok(Math.abs((rows[1]?.cost ?? 0) - 0.0075) < 1e-12);
    assert.deepEqual(await report(1), rows);
  });
});
