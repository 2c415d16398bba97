import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { EventStreamCodec } from '@smithy/core/event-streams';
import { fromUtf8, toUtf8 } from '@smithy/core/serde';
import { startStandIn, type StandIn } from '../index.ts';

/** A nested field of parsed JSON, read without trusting its shape. */
function at(value: unknown, ...path: (string | number)[]): unknown {
  return path.reduce<unknown>(
    (current, key) => (current as Record<string | number, unknown> | null | undefined)?.[key],
    value,
  );
}

interface DecodedEvent {
  headers: Record<string, unknown>;
  payload: string;
}

/** Splits the body into frames by their prelude's total length and decodes each (CRCs checked). */
function decodeEventStream(bytes: Uint8Array): DecodedEvent[] {
  const codec = new EventStreamCodec(toUtf8, fromUtf8);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const events: DecodedEvent[] = [];
  for (let offset = 0; offset < bytes.length;) {
    const length = view.getUint32(offset);
    const message = codec.decode(bytes.subarray(offset, offset + length));
    const headers = Object.fromEntries(
      Object.entries(message.headers).map(([name, header]) => [name, header.value]),
    );
    events.push({ headers, payload: toUtf8(message.body) });
    offset += length;
  }
  return events;
}

const USAGE = {
  inputTokens: 1180,
  outputTokens: 356,
  cacheReadInputTokens: 6144,
  cacheWriteInputTokens: 0,
};

describe('Bedrock stand-in', () => {
  let standIn: StandIn;
  const modelId = 'us.anthropic.claude-sonnet-4-5-20250929-v1:0';
  const post = async (operation: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${standIn.url}/model/${encodeURIComponent(modelId)}/${operation}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
  const converseBody = { messages: [{ role: 'user', content: [{ text: 'hi' }] }] };
  const invokeBody = { anthropic_version: 'bedrock-2023-05-31', max_tokens: 50, messages: [] };

  before(async () => {
    standIn = await startStandIn({ kind: 'bedrock', usage: USAGE });
  });
  after(() => standIn.close());

  it('answers Converse with usage whose total includes the cache counts', async () => {
    const response = await post('converse', converseBody);
    assert.equal(response.status, 200);
    const body: unknown = await response.json();
    assert.equal(at(body, 'output', 'message', 'role'), 'assistant');
    assert.equal(at(body, 'output', 'message', 'content', 0, 'text'), 'This is a');
    assert.equal(at(body, 'stopReason'), 'end_turn');
    assert.deepEqual(at(body, 'usage'), { ...USAGE, totalTokens: 7680 });
    assert.equal(typeof at(body, 'metrics', 'latencyMs'), 'number');
  });

  it('streams Converse as a binary event stream ending in metadata', async () => {
    const response = await post('converse-stream', converseBody);
    assert.equal(response.headers.get('content-type'), 'application/vnd.amazon.eventstream');
    const events = decodeEventStream(new Uint8Array(await response.arrayBuffer()));
    assert.deepEqual(
      events.map((event) => event.headers[':event-type']),
      [
        'messageStart',
        'contentBlockDelta',
        'contentBlockDelta',
        'contentBlockDelta',
        'contentBlockStop',
        'messageStop',
        'metadata',
      ],
    );
    for (const event of events) {
      assert.equal(event.headers[':message-type'], 'event');
      assert.equal(event.headers[':content-type'], 'application/json');
    }
    const payloads = events.map((event) => JSON.parse(event.payload) as unknown);
    assert.deepEqual(payloads[1], { delta: { text: 'This' }, contentBlockIndex: 0 });
    assert.deepEqual(payloads[5], { stopReason: 'end_turn' });
    assert.deepEqual(at(payloads[6], 'usage'), { ...USAGE, totalTokens: 7680 });
    assert.equal(typeof at(payloads[6], 'metrics', 'latencyMs'), 'number');
  });

  it('answers InvokeModel with an Anthropic message and token-count headers', async () => {
    const response = await post('invoke', invokeBody);
    assert.equal(response.headers.get('x-amzn-bedrock-input-token-count'), '1180');
    assert.equal(response.headers.get('x-amzn-bedrock-output-token-count'), '356');
    assert.equal(response.headers.get('x-amzn-bedrock-cache-read-input-token-count'), '6144');
    assert.equal(response.headers.get('x-amzn-bedrock-cache-write-input-token-count'), null);
    const message: unknown = await response.json();
    assert.equal(at(message, 'type'), 'message');
    assert.equal(at(message, 'model'), modelId);
    assert.deepEqual(at(message, 'usage'), {
      input_tokens: 1180,
      cache_creation_input_tokens: 0,
      cache_read_input_tokens: 6144,
      cache_creation: { ephemeral_5m_input_tokens: 0, ephemeral_1h_input_tokens: 0 },
      output_tokens: 356,
    });
  });

  it('streams InvokeModel as chunk events of base64 Anthropic events with invocation metrics', async () => {
    const headers = { 'x-stand-in-usage': JSON.stringify({ cacheWriteInputTokens: 64 }) };
    const response = await post('invoke-with-response-stream', invokeBody, headers);
    assert.equal(response.headers.get('content-type'), 'application/vnd.amazon.eventstream');
    const events = decodeEventStream(new Uint8Array(await response.arrayBuffer()));
    assert.ok(events.every((event) => event.headers[':event-type'] === 'chunk'));
    const inner = events.map((event) => {
      const bytes = String(at(JSON.parse(event.payload), 'bytes'));
      return JSON.parse(Buffer.from(bytes, 'base64').toString('utf8')) as unknown;
    });
    assert.deepEqual(
      inner.map((event) => at(event, 'type')),
      [
        'message_start',
        'content_block_start',
        'content_block_delta',
        'content_block_delta',
        'content_block_delta',
        'content_block_stop',
        'message_delta',
        'message_stop',
      ],
    );
    assert.equal(at(inner[6], 'usage', 'output_tokens'), 356);
    const metrics = at(inner.at(-1), 'amazon-bedrock-invocationMetrics');
    assert.equal(at(metrics, 'inputTokenCount'), 1180);
    assert.equal(at(metrics, 'outputTokenCount'), 356);
    assert.equal(at(metrics, 'cacheReadInputTokenCount'), 6144);
    assert.equal(at(metrics, 'cacheWriteInputTokenCount'), 64);
    assert.equal(typeof at(metrics, 'invocationLatency'), 'number');
    assert.equal(typeof at(metrics, 'firstByteLatency'), 'number');
  });

  it('decodes the model id, so an inference profile ARN works', async () => {
    const arn = 'arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/abc123';
    const response = await fetch(`${standIn.url}/model/${encodeURIComponent(arn)}/invoke`, {
      method: 'POST',
      body: JSON.stringify(invokeBody),
    });
    assert.equal(at(await response.json(), 'model'), arn);
  });

  it('answers errors as {message} with x-amzn-errortype', async () => {
    const response = await post('converse', converseBody, { 'x-stand-in-scenario': 'error-429' });
    assert.equal(response.status, 429);
    assert.match(response.headers.get('x-amzn-errortype') ?? '', /^ThrottlingException:/);
    assert.equal(typeof at(await response.json(), 'message'), 'string');
    const missing = await fetch(`${standIn.url}/model/x/embed`, { method: 'POST', body: '{}' });
    assert.equal(missing.status, 404);
    assert.match(missing.headers.get('x-amzn-errortype') ?? '', /^UnknownOperationException:/);
  });
});
