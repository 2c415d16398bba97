import { storeServers } from '../helpers/store-servers.ts';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, it } from 'node:test';
import generatedRoot from '@opentelemetry/otlp-transformer/build/src/generated/root.js';

const FIXTURE = new URL('../../../shared/fixtures/otlp-genai-traces.json', import.meta.url);

interface Message {
  fromObject(object: unknown): object;
  encode(message: object): { finish(): Uint8Array };
  decode(bytes: Uint8Array): object;
  toObject(message: object, options: object): Record<string, unknown>;
}
const messages = (
  generatedRoot as unknown as {
    opentelemetry: {
      proto: {
        collector: {
          trace: {
            v1: { ExportTraceServiceRequest: Message; ExportTraceServiceResponse: Message };
          };
        };
      };
    };
  }
).opentelemetry.proto.collector.trace.v1;

/** The fixture as protobuf, encoded by the library: ids from hex to bytes first. */
function fixtureAsProtobuf(): Buffer {
  const request = JSON.parse(readFileSync(FIXTURE, 'utf8'), (key, value: unknown) =>
    ['traceId', 'spanId', 'parentSpanId'].includes(key) && typeof value === 'string'
      ? Buffer.from(value, 'hex')
      : value,
  ) as unknown;
  const message = messages.ExportTraceServiceRequest.fromObject(request);
  return Buffer.from(messages.ExportTraceServiceRequest.encode(message).finish());
}

describe('OTLP/HTTP traces receiver', () => {
  const { servers, report } = storeServers('otlp-api', ['json', 'protobuf']);
  const post = (at: number, body: Buffer, headers: Record<string, string>) =>
    fetch(`${servers[at]?.base}/v1/traces`, { method: 'POST', body, headers });

  it('stores the fixture JSON as its two priced model calls', async () => {
    const response = await post(0, readFileSync(FIXTURE), { 'content-type': 'application/json' });
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), {});
    const rows = await report(0);
    const tags = { team: 'search', service: 'research-api', environment: 'prod' };
    assert.deepEqual(
      rows.map(({ cost, list_cost: listCost, ...row }) => ({
        ...row,
        cost: Math.round(cost * 1e10) / 1e10,
        listCost: Math.round(listCost * 1e10) / 1e10,
      })),
      [
        {
          provider: 'anthropic',
          model: 'claude-sonnet-4-5-20250929',
          ...tags,
          requests: 1,
          input_tokens: 13130,
          output_tokens: 27,
          cache_read_tokens: 12288,
          cache_write_tokens: 0,
          reasoning_tokens: 0,
          cost: 0.0066174,
          listCost: 0.0066174,
        },
        {
          provider: 'openai',
          model: 'gpt-4o-mini-2024-07-18',
          ...tags,
          requests: 1,
          input_tokens: 1850,
          output_tokens: 96,
          cache_read_tokens: 1024,
          cache_write_tokens: 0,
          reasoning_tokens: 0,
          cost: 0.0002583,
          listCost: 0.0002583,
        },
      ],
    );
  });

  it('gives identical report rows for the same fixture gzipped as protobuf', async () => {
    const response = await post(1, gzipSync(fixtureAsProtobuf()), {
      'content-type': 'application/x-protobuf',
      'content-encoding': 'gzip',
    });
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'application/x-protobuf');
    const answer = messages.ExportTraceServiceResponse.toObject(
      messages.ExportTraceServiceResponse.decode(new Uint8Array(await response.arrayBuffer())),
      {},
    );
    assert.deepEqual(answer, {});
    assert.deepEqual(await report(1), await report(0));
  });

  it('changes nothing when the same spans are sent again', async () => {
    const before = await report(0);
    await post(0, readFileSync(FIXTURE), { 'content-type': 'application/json' });
    await post(0, fixtureAsProtobuf(), { 'content-type': 'application/x-protobuf' });
    assert.deepEqual(await report(0), before);
  });

  it('answers 400 with the reason for a malformed body, and a partial success for a bad span', async () => {
    const json = await post(0, Buffer.from('{"resourceSpans": {}}'), {
      'content-type': 'application/json',
    });
    assert.equal(json.status, 400);
    const body = (await json.json()) as { error: { message: string } };
    assert.match(body.error.message, /resourceSpans is not an array/);
    const protobuf = await post(0, Buffer.from([0x0a, 0xff, 0xff, 0xff]), {
      'content-type': 'application/x-protobuf',
    });
    assert.equal(protobuf.status, 400);
    const badSpan = {
      resourceSpans: [{ scopeSpans: [{ spans: [{ traceId: '00', spanId: '00' }] }] }],
    };
    const partial = await post(0, Buffer.from(JSON.stringify(badSpan)), {
      'content-type': 'application/json',
    });
    assert.deepEqual(await partial.json(), {
      partialSuccess: {
        rejectedSpans: 1,
        errorMessage:
          '1 span(s) not recorded: resourceSpans[0].scopeSpans[0].spans[0]: traceId must be 32 hex digits',
      },
    });
    assert.equal((await post(0, Buffer.from('{}'), { 'content-type': 'text/plain' })).status, 415);
    assert.equal((await report(0)).length, 2);
  });
});
