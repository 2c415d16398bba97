import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { Agent } from 'undici';
import { CallerAbort } from './caller-abort.ts';
import { sendUpstreamRequest } from './send-upstream-request.ts';

let origin = '';
const dispatcher = new Agent({ keepAliveTimeout: 1_000 });
/** The server side of each request, by path, so a test can see what its connection did. */
const closed = new Map<string, Promise<unknown>>();
/** The 64 KB pieces /big has still to write, of PIECES. */
const PIECES = 512;
let bigLeft = 0;

const server = createServer((request: IncomingMessage, response: ServerResponse) => {
  closed.set(request.url ?? '', once(response, 'close'));
  switch (request.url) {
    case '/big': {
      // 32 MB in 64 KB writes, each waiting for the socket: a reader that stops stops these,
      // once the kernel's socket buffers (a few MB on loopback) are full.
      const piece = Buffer.alloc(64 * 1024, 'a');
      bigLeft = PIECES;
      response.writeHead(200, { 'content-type': 'text/plain', 'set-cookie': ['a=1', 'b=2'] });
      const write = (): void => {
        while (bigLeft > 0) {
          bigLeft -= 1;
          if (!response.write(piece)) return void response.once('drain', write);
        }
        response.end();
      };
      write();
      return;
    }
    case '/events':
      // Three chunks of a chunked body, written together: they leave in one segment.
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      for (const event of ['data: 1\n\n', 'data: 2\n\n', 'data: [DONE]\n\n']) response.write(event);
      response.end();
      return;
    case '/cut':
      response.writeHead(200, { 'content-type': 'text/plain' });
      response.write('half', () => response.destroy());
      return;
    case '/stall':
      response.writeHead(200, { 'content-type': 'text/plain' });
      response.write('first');
      return;
    default:
      response.writeHead(201, { 'content-type': 'application/json' });
      request.pipe(response);
  }
});

before(async () => {
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(async () => {
  server.closeAllConnections();
  server.close();
  await dispatcher.close();
});

async function readAll(body: AsyncIterable<Buffer>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(chunk);
  return Buffer.concat(chunks);
}

test('gives the status, the headers as undici parses them, and the body whole', async () => {
  const answer = await sendUpstreamRequest(
    dispatcher,
    { origin, path: '/echo', method: 'POST', body: Buffer.from('{"hello":1}') },
    new CallerAbort(),
  );
  assert.equal(answer.statusCode, 201);
  assert.equal(answer.headers['content-type'], 'application/json');
  assert.equal((await readAll(answer.body)).toString(), '{"hello":1}');
});

test('the chunks of a chunked body that came together are read as one piece', async () => {
  const answer = await sendUpstreamRequest(
    dispatcher,
    { origin, path: '/events', method: 'GET' },
    new CallerAbort(),
  );
  const pieces: string[] = [];
  for await (const chunk of answer.body) pieces.push(chunk.toString());
  assert.deepEqual(pieces, ['data: 1\n\ndata: 2\n\ndata: [DONE]\n\n']);
});

test('a body larger than the high-water mark pauses the socket and arrives whole', async () => {
  const answer = await sendUpstreamRequest(
    dispatcher,
    { origin, path: '/big', method: 'GET' },
    new CallerAbort(),
  );
  assert.deepEqual(answer.headers['set-cookie'], ['a=1', 'b=2']);
  // Nobody reads for a while: with the socket paused, the server is left waiting to write.
  await new Promise((resolve) => setTimeout(resolve, 200));
  const written = PIECES - bigLeft;
  assert.ok(written < PIECES / 2, `the server wrote ${written} of ${PIECES} pieces unread`);
  let bytes = 0;
  let allA = true;
  for await (const chunk of answer.body) {
    bytes += chunk.length;
    allA &&= chunk.every((byte) => byte === 0x61);
  }
  assert.equal(bytes, PIECES * 64 * 1024);
  assert.ok(allA);
});

test('leaving the loop early aborts the request and frees its connection', async () => {
  const answer = await sendUpstreamRequest(
    dispatcher,
    { origin, path: '/stall', method: 'GET' },
    new CallerAbort(),
  );
  for await (const chunk of answer.body) {
    assert.equal(chunk.toString(), 'first');
    break;
  }
  // The server sees its response closed: the connection is gone, not left waiting.
  await closed.get('/stall');
});

test('a caller who leaves mid-body ends the loop with an abort error', async () => {
  const signal = new CallerAbort();
  const answer = await sendUpstreamRequest(
    dispatcher,
    { origin, path: '/stall', method: 'GET' },
    signal,
  );
  const reading = readAll(answer.body);
  signal.abort();
  await assert.rejects(reading, { code: 'UND_ERR_ABORTED' });
});

test('a caller already gone never gets an answer', async () => {
  const signal = new CallerAbort();
  signal.abort();
  await assert.rejects(
    sendUpstreamRequest(dispatcher, { origin, path: '/echo', method: 'GET' }, signal),
    { code: 'UND_ERR_ABORTED' },
  );
});

test('a body cut by the upstream rejects the loop; one too slow times out with its code', async () => {
  const cut = await sendUpstreamRequest(
    dispatcher,
    { origin, path: '/cut', method: 'GET' },
    new CallerAbort(),
  );
  await assert.rejects(readAll(cut.body), (error: Error) => error instanceof Error);
  const slow = await sendUpstreamRequest(
    dispatcher,
    { origin, path: '/stall', method: 'GET', bodyTimeout: 200 },
    new AbortController().signal,
  );
  await assert.rejects(readAll(slow.body), { code: 'UND_ERR_BODY_TIMEOUT' });
});

test('an unreachable upstream rejects with the connection error', async () => {
  const gone = createServer();
  gone.listen(0, '127.0.0.1');
  await once(gone, 'listening');
  const port = (gone.address() as AddressInfo).port;
  gone.close();
  await assert.rejects(
    sendUpstreamRequest(
      dispatcher,
      { origin: `http://127.0.0.1:${port}`, path: '/', method: 'GET' },
      new CallerAbort(),
    ),
    { code: 'ECONNREFUSED' },
  );
});
