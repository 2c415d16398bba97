import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { after, before, test } from 'node:test';
import OpenAI from 'openai';
import { startStandIn, type StandIn } from '../../src/demo/stand-ins/index.ts';
import { createTokenops, type TokenopsOptions } from '../../src/sdk/index.ts';
import { listen } from '../helpers/listen.ts';

let standIn: StandIn;

before(async () => {
  standIn = await startStandIn({ kind: 'openai' });
});
after(() => standIn.close());

/** A stand-in tokenops server; `answer` decides each request's fate. */
async function fakeServer(
  answer: (request: IncomingMessage, response: ServerResponse, index: number) => void,
): Promise<{ url: string; received: () => number; close: () => void }> {
  let received = 0;
  const server = createServer((request, response) => {
    request.resume();
    answer(request, response, received++);
  });
  const url = await listen(server);
  return {
    url,
    received: () => received,
    close: () => {
      server.closeAllConnections();
      server.close();
    },
  };
}

async function closedPortUrl(): Promise<string> {
  const server = await fakeServer(() => undefined);
  server.close();
  return server.url;
}

function client(options: TokenopsOptions) {
  const errors: Error[] = [];
  const tokenops = createTokenops({ ...options, onError: (error) => errors.push(error) });
  const openai = tokenops.wrapOpenAI(
    new OpenAI({ apiKey: 'sk-test', baseURL: `${standIn.url}/v1`, maxRetries: 0 }),
  );
  const call = async (stream: boolean): Promise<string> => {
    if (!stream) {
      const completion = await openai.chat.completions.create({
        model: 'gpt-4o-mini',
        messages: [{ role: 'user', content: 'hi' }],
      });
      return completion.choices[0]?.message.content ?? '';
    }
    let text = '';
    const chunks = await openai.chat.completions.create({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'hi' }],
      stream: true,
    });
    for await (const chunk of chunks) text += chunk.choices[0]?.delta.content ?? '';
    return text;
  };
  return { tokenops, call, errors };
}

test('tokenops unreachable: every call still answers; the events are dropped after the retries, and said so', async () => {
  const { tokenops, call, errors } = client({
    url: await closedPortUrl(),
    batchSize: 1,
    maxAttempts: 2,
    retryDelayMs: 5,
  });
  for (const stream of [false, true, false, true]) assert.ok((await call(stream)).length > 0);
  await tokenops.shutdown();
  assert.deepEqual(tokenops.stats(), { queued: 0, sent: 0, dropped: 4, refused: 0 });
  assert.ok(errors.some((error) => /could not reach .*\/api\/v1\/events/.test(error.message)));
  assert.ok(errors.some((error) => /dropped 1 event\(s\): 2 attempts failed/.test(error.message)));
});

test('tokenops hanging: calls finish while the send is still waiting for an answer', async () => {
  const hanging = await fakeServer(() => undefined);
  const { tokenops, call } = client({
    url: hanging.url,
    batchSize: 1,
    timeoutMs: 300,
    maxAttempts: 1,
  });
  for (let index = 0; index < 3; index += 1) assert.ok((await call(index % 2 === 1)).length > 0);
  // One send at a time: the first is still unanswered, and the calls did not wait for it.
  while (hanging.received() === 0) await new Promise((resolve) => setImmediate(resolve));
  assert.equal(hanging.received(), 1);
  await tokenops.shutdown();
  hanging.close();
  assert.equal(tokenops.stats().sent, 0);
});

test('a bounded queue: beyond maxQueue the oldest events are dropped, and said so', async () => {
  const { tokenops, call, errors } = client({
    url: await closedPortUrl(),
    maxQueue: 3,
    flushIntervalMs: 60_000,
    maxAttempts: 1,
  });
  for (let index = 0; index < 5; index += 1) await call(false);
  await tokenops.flush();
  assert.deepEqual(tokenops.stats(), { queued: 0, sent: 0, dropped: 5, refused: 0 });
  assert.ok(errors.some((error) => /more than 3 waiting \(maxQueue\)/.test(error.message)));
  await tokenops.shutdown();
});

test('a 503 is retried with backoff and the batch then lands; a 400 is not retried', async () => {
  const server = await fakeServer((_request, response, index) => {
    const status = index === 0 ? 503 : index === 1 ? 200 : 400;
    response.writeHead(status, { 'content-type': 'application/json' });
    response.end(JSON.stringify(status === 200 ? { inserted: 1, refused: [] } : { error: 'no' }));
  });
  const { tokenops, call, errors } = client({ url: server.url, batchSize: 1, retryDelayMs: 5 });
  await call(false);
  await tokenops.flush();
  assert.equal(server.received(), 2);
  assert.equal(tokenops.stats().sent, 1);
  await call(false);
  await tokenops.flush();
  assert.equal(server.received(), 3);
  assert.deepEqual(tokenops.stats(), { queued: 0, sent: 1, dropped: 0, refused: 1 });
  assert.ok(errors.some((error) => /refused a batch \(400\)/.test(error.message)));
  await tokenops.shutdown();
  server.close();
});
