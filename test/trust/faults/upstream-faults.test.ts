import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Socket } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { PricedUsageEvent } from '../../../src/domain/usage-event.ts';
import { startGatewayHarness, type GatewayHarness } from '../../helpers/gateway-harness.ts';
import { tempDirectory } from '../../helpers/temp-directory.ts';
import { SeededFuzz, fuzzCase } from '../seeded-fuzz.ts';
import { answerHead, startRawUpstream, type RawUpstream } from './raw-upstream.ts';

const SSE = readFileSync(
  new URL('../../../../shared/fixtures/openai-chat-stream.sse', import.meta.url),
);
/** The fixture's usage chunk, and the counts it reports. */
const USAGE_LINE =
  SSE.toString('utf8')
    .split('\n')
    .find((line) => line.includes('"usage":{')) ?? '';
const USAGE = { input: 412, output: 7 };

describe('upstream faults, through the gateway', () => {
  const fuzz = new SeededFuzz(7);
  /** Stream bodies to serve, by the x-case header of the call. */
  const streams = new Map<string, Buffer>();
  let upstream: RawUpstream;
  let gateway: GatewayHarness;

  /** Writes `bytes` in random pieces, a turn of the event loop apart, as a network would. */
  const dribble = (socket: Socket, bytes: Buffer, then: () => void) => {
    if (bytes.length === 0) return then();
    const size = 1 + fuzz.below(Math.min(bytes.length, 300));
    socket.write(bytes.subarray(0, size));
    setImmediate(() => dribble(socket, bytes.subarray(size), then));
  };

  before(async () => {
    upstream = await startRawUpstream((socket, { head }) => {
      const fault = /\r\nx-fault: *([^\r]+)/i.exec(head)?.[1];
      if (fault === 'reset-before-headers') return void socket.resetAndDestroy();
      if (fault === 'reset-mid-stream') {
        socket.write(answerHead('200 OK', 'text/event-stream', SSE.length));
        socket.write(SSE.subarray(0, 900));
        return void setTimeout(() => socket.resetAndDestroy(), 20);
      }
      if (fault === '502') {
        const body = JSON.stringify({ error: { message: 'Bad gateway', type: 'server_error' } });
        return void socket.write(
          answerHead('502 Bad Gateway', 'application/json', body.length) + body,
        );
      }
      if (fault === '503') {
        const body = '<html><body><h1>503 Service Temporarily Unavailable</h1></body></html>';
        return void socket.write(
          answerHead('503 Service Unavailable', 'text/html', body.length) + body,
        );
      }
      const bytes = streams.get(/\r\nx-case: *([^\r]+)/i.exec(head)?.[1] ?? '') ?? SSE;
      socket.write(answerHead('200 OK', 'text/event-stream', bytes.length));
      dribble(socket, bytes, () => undefined);
    });
    gateway = await startGatewayHarness({
      directory: tempDirectory('trust-upstream'),
      providers: { openai: { baseUrl: upstream.url } },
      upstreamTimeoutMs: 2_000,
    });
  });
  after(async () => {
    await gateway.close();
    await upstream.close();
  });

  const call = (headers: Record<string, string>) =>
    fetch(`${gateway.base}/openai/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-tokenops-team': 'faults', ...headers },
      body: JSON.stringify({
        model: 'gpt-4o-mini',
        stream: true,
        stream_options: { include_usage: true },
        messages: [{ role: 'user', content: 'What is the capital of France?' }],
      }),
    });
  const eventOf = async (response: Response): Promise<PricedUsageEvent> => {
    const id = response.headers.get('x-tokenops-request-id');
    const found = (await gateway.events()).filter((event) => event.requestId === id);
    assert.equal(found.length, 1, `one event for ${id}`);
    return found[0] as PricedUsageEvent;
  };

  it('a connection reset before the headers: 502 naming the setting, an error event', async () => {
    const response = await call({ 'x-fault': 'reset-before-headers' });
    assert.equal(response.status, 502);
    const { error } = (await response.json()) as { error: { type: string; fix: string } };
    assert.equal(error.type, 'upstream_unreachable');
    assert.match(error.fix, /providers\.openai\.baseUrl/);
    const event = await eventOf(response);
    assert.deepEqual([event.status, event.errorKind], ['error', 'upstream_unreachable']);
  });

  it('a connection reset mid-stream: the caller sees the cut, the event is estimated', async () => {
    const response = await call({ 'x-fault': 'reset-mid-stream' });
    assert.equal(response.status, 200);
    await assert.rejects(response.text(), 'the stream breaks for the caller too');
    const event = await eventOf(response);
    assert.deepEqual([event.status, event.errorKind], ['error', 'upstream_disconnected']);
    assert.ok(event.tokens.input > 0 && event.pricing.flags.includes('usage-estimated'));
  });

  for (const [status, kind] of [
    [502, 'server_error'],
    [503, 'overloaded'],
  ] as const) {
    it(`an upstream ${status} passes through unchanged and is recorded as ${kind}`, async () => {
      const response = await call({ 'x-fault': String(status) });
      assert.equal(response.status, status);
      assert.match(await response.text(), status === 502 ? /Bad gateway/ : /<h1>503/);
      const event = await eventOf(response);
      assert.deepEqual([event.status, event.errorKind, event.tokens.input], ['error', kind, 0]);
    });
  }

  it('garbled or oddly split SSE passes through byte for byte, one event per call', async () => {
    for (let round = 0; round < 30; round += 1) {
      const label = fuzzCase('stream', round);
      const bytes = round % 3 === 0 ? SSE : fuzz.overwrite(SSE, 1 + fuzz.below(8));
      streams.set(label, bytes);
      const response = await call({ 'x-case': label });
      assert.equal(response.status, 200, label);
      assert.ok(Buffer.from(await response.arrayBuffer()).equals(bytes), `${label}: unchanged`);
      const event = await eventOf(response);
      if (bytes.includes(USAGE_LINE)) {
        assert.deepEqual(
          { input: event.tokens.input, output: event.tokens.output },
          USAGE,
          `${label}: usage split anywhere is still read`,
        );
      }
    }
    assert.equal((await call({ 'x-case': 'none' })).status, 200, 'the gateway keeps answering');
  });

  it('a stream that ends without its usage is estimated and flagged, never a silent zero', async () => {
    const label = 'no-usage';
    streams.set(label, Buffer.from(SSE.toString('utf8').replace(`${USAGE_LINE}\n\n`, '')));
    const response = await call({ 'x-case': label });
    await response.text();
    const event = await eventOf(response);
    assert.ok(event.tokens.input > 0, 'input estimated from the prompt');
    assert.ok(event.pricing.flags.includes('usage-estimated'));
  });
});
