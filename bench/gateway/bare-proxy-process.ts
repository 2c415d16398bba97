/**
 * The floor: the least a proxy can do — a node:http server that forwards each call with an
 * undici keep-alive Agent and pipes status, headers and body back, nothing else (no parsing,
 * no metering). Run as `bare-proxy-process.ts UPSTREAM_URL`; `/openai/v1/…` goes to the
 * upstream's `/v1/…`, so the same paths serve the floor and the gateway.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pipeline } from 'node:stream/promises';
import { Agent } from 'undici';
import { exitWithParent } from './exit-with-parent.ts';

/** Hop-by-hop headers, which belong to one connection, and host, which undici sets. */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'host',
]);

const upstream = new URL(process.argv[2] ?? '');
// The same pool settings as the gateway's, so the floor differs from it only in what it does.
const dispatcher = new Agent({ keepAliveTimeout: 30_000, keepAliveMaxTimeout: 600_000 });

const server = createServer((request, response) => {
  const path = (request.url ?? '/').replace(/^\/openai(?=\/)/, '');
  dispatcher
    .request({
      origin: upstream.origin,
      path,
      method: request.method ?? 'GET',
      headers: endToEnd(request.headers),
      body: request,
    })
    .then(async (answer) => {
      response.writeHead(answer.statusCode, endToEnd(answer.headers));
      await pipeline(answer.body, response);
    })
    .catch(() => {
      if (response.headersSent) response.destroy();
      else response.writeHead(502).end();
    });
});

function endToEnd(
  headers: Record<string, string | string[] | undefined>,
): Record<string, string | string[]> {
  const kept: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined && !HOP_BY_HOP.has(name)) kept[name] = value;
  }
  return kept;
}

server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  process.stdout.write(`listening on http://127.0.0.1:${port}\n`);
});
exitWithParent(async () => {
  server.closeAllConnections();
  server.close();
  await dispatcher.close();
});
