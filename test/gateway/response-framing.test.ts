import assert from 'node:assert/strict';
import { request } from 'node:http';
import { after, before, test } from 'node:test';
import { startStandIn, type StandIn } from '../../src/demo/stand-ins/index.ts';
import { startGatewayHarness, type GatewayHarness } from '../helpers/gateway-harness.ts';
import { tempDirectory } from '../helpers/temp-directory.ts';

let openai: StandIn;
let gateway: GatewayHarness;

const directory = tempDirectory('gateway-response-framing');

before(async () => {
  openai = await startStandIn({ kind: 'openai' });
  gateway = await startGatewayHarness({
    directory,
    providers: { openai: { baseUrl: openai.url } },
  });
});

after(async () => {
  await gateway.close();
  await openai.close();
});

interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** One call over node:http, which shows the framing headers fetch would hide or fold. */
function call(method: string, path: string, body?: unknown): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const outgoing = request(`${gateway.base}${path}`, {
      method,
      headers: { 'content-type': 'application/json', 'x-tokenops-team': 'framing' },
    });
    outgoing.once('error', reject);
    outgoing.once('response', (incoming) => {
      const chunks: Buffer[] = [];
      incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
      incoming.once('error', reject);
      incoming.once('end', () =>
        resolve({
          status: incoming.statusCode ?? 0,
          headers: incoming.headers,
          body: Buffer.concat(chunks),
        }),
      );
    });
    outgoing.end(body === undefined ? undefined : JSON.stringify(body));
  });
}

const chat = (stream: boolean) => ({
  model: 'gpt-4o-mini',
  stream,
  messages: [{ role: 'user', content: 'hi' }],
});

test('a JSON answer goes out whole, with its Content-Length, and its call is recorded', async () => {
  const answer = await call('POST', '/openai/v1/chat/completions', chat(false));
  assert.equal(answer.status, 200);
  assert.equal(answer.headers['transfer-encoding'], undefined, 'not chunked');
  assert.equal(Number(answer.headers['content-length']), answer.body.length);
  const parsed = JSON.parse(answer.body.toString('utf8')) as { usage?: { total_tokens?: number } };
  assert.ok((parsed.usage?.total_tokens ?? 0) > 0, 'the body is the stand-in’s whole answer');
  const requestId = answer.headers['x-tokenops-request-id'];
  const events = await gateway.events();
  assert.ok(
    events.some((event) => event.requestId === requestId),
    'the call has its event',
  );
});

test('a streamed answer stays chunked, so each piece reaches the caller as it comes', async () => {
  const answer = await call('POST', '/openai/v1/chat/completions', chat(true));
  assert.equal(answer.status, 200);
  assert.equal(answer.headers['transfer-encoding'], 'chunked');
  assert.equal(answer.headers['content-length'], undefined);
  assert.match(answer.body.toString('utf8'), /data: \[DONE\]\n\n$/);
});

test('an unmetered answer keeps the upstream’s Content-Length', async () => {
  const direct = await fetch(`${openai.url}/v1/models`);
  const bytes = Buffer.from(await direct.arrayBuffer());
  const answer = await call('GET', '/openai/v1/models');
  assert.equal(answer.status, 200);
  assert.equal(answer.headers['transfer-encoding'], undefined, 'not chunked');
  assert.equal(Number(answer.headers['content-length']), bytes.length);
  assert.deepEqual(answer.body, bytes);
});
