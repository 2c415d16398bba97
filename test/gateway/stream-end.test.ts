import assert from 'node:assert/strict';
import { createServer, request, type Server } from 'node:http';
import { after, before, test } from 'node:test';
import { startGatewayHarness, type GatewayHarness } from '../helpers/gateway-harness.ts';
import { listen } from '../helpers/listen.ts';
import { tempDirectory } from '../helpers/temp-directory.ts';

// An OpenAI-style upstream whose last pieces come as the test's model name says: the gateway
// holds back the piece with `data: [DONE]` to send it with the response's end.
const CONTENT =
  'data: {"model":"gpt-4o-mini","choices":[{"index":0,"delta":{"content":"Hello"}}],"usage":null}\n\n';
const USAGE_AND_DONE =
  'data: {"model":"gpt-4o-mini","choices":[],"usage":{"prompt_tokens":12,"completion_tokens":3}}\n\n' +
  'data: [DONE]\n\n';
const TRAILER = ': upstream closing\n\n';

let upstream: Server;
let gateway: GatewayHarness;
const directory = tempDirectory('gateway-stream-end');

before(async () => {
  upstream = createServer((incoming, outgoing) => {
    let body = '';
    incoming.on('data', (chunk: Buffer) => (body += chunk.toString()));
    incoming.on('end', () => {
      const { model } = JSON.parse(body) as { model: string };
      outgoing.writeHead(200, { 'content-type': 'text/event-stream' });
      outgoing.write(CONTENT);
      // Pieces apart in time, so each reaches the gateway as a chunk of its own.
      setTimeout(() => {
        outgoing.write(USAGE_AND_DONE);
        setTimeout(() => {
          if (model === 'reset-after-done') outgoing.socket?.destroy();
          else if (model === 'trailer-after-done') outgoing.end(TRAILER);
          else outgoing.end();
        }, 20);
      }, 20);
    });
  });
  gateway = await startGatewayHarness({
    directory,
    providers: { openai: { baseUrl: await listen(upstream) } },
  });
});

after(async () => {
  await gateway.close();
  upstream.close();
});

/** A streamed call; resolves with the bytes the caller got, however the answer ended. */
function stream(model: string): Promise<{ text: string; requestId: string }> {
  return new Promise((resolve, reject) => {
    const outgoing = request(`${gateway.base}/openai/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-tokenops-team': 'stream-end' },
    });
    outgoing.once('error', reject);
    outgoing.once('response', (incoming) => {
      let text = '';
      const done = () =>
        resolve({ text, requestId: String(incoming.headers['x-tokenops-request-id']) });
      incoming.on('data', (chunk: Buffer) => (text += chunk.toString()));
      incoming.once('end', done);
      // A cut answer ends in an error on the caller's side: what arrived before it counts.
      incoming.once('error', done);
    });
    outgoing.end(
      JSON.stringify({ model, stream: true, messages: [{ role: 'user', content: 'hi' }] }),
    );
  });
}

test('the piece with [DONE] ends the answer, after the usage the caller did not ask for is taken out', async () => {
  const { text, requestId } = await stream('gpt-4o-mini');
  assert.equal(text, `${CONTENT}data: [DONE]\n\n`);
  const events = await gateway.events();
  const event = events.find((candidate) => candidate.requestId === requestId);
  assert.equal(event?.status, 'ok');
  assert.equal(event?.tokens.input, 12);
  assert.equal(event?.tokens.output, 3);
});

test('a piece after [DONE] follows it, in order', async () => {
  const { text } = await stream('trailer-after-done');
  assert.equal(text, `${CONTENT}data: [DONE]\n\n${TRAILER}`);
});

test('an upstream cut after [DONE] still gets the caller [DONE] before the cut', async () => {
  const { text } = await stream('reset-after-done');
  assert.ok(text.endsWith('data: [DONE]\n\n'), text);
});
