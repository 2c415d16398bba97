import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { Agent } from 'undici';
import { createProviderRegistry } from '../providers/index.ts';
import { CallerAbort } from './caller-abort.ts';
import { forwardUpstream } from './forward-upstream.ts';
import type { GatewayUpstream } from './gateway-upstream.ts';

const seen: string[] = [];
const server = createServer((request, response) => {
  seen.push(request.url ?? '');
  response.end('{}');
});
const dispatcher = new Agent();
let origin = '';

before(async () => {
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(async () => {
  server.close();
  await dispatcher.close();
});

async function pathSent(search: string, apiKey?: string): Promise<string> {
  const adapter = createProviderRegistry([]).get('gemini');
  const upstream: GatewayUpstream = {
    name: 'gemini',
    adapter,
    gateway: adapter.gateway,
    baseUrl: `${origin}/base`,
    origin,
    basePath: '/base',
    ...(apiKey === undefined ? {} : { apiKey }),
  };
  const forwarded = await forwardUpstream({
    dispatcher,
    upstream,
    path: '/v1beta/models/gemini-2.0-flash:streamGenerateContent',
    search: new URLSearchParams(search),
    method: 'POST',
    headers: {},
    body: Buffer.from('{}'),
    timeoutMs: 5_000,
    signal: new CallerAbort(),
  });
  assert.ok('response' in forwarded);
  for await (const chunk of forwarded.response.body) assert.ok(chunk.length > 0);
  return seen.at(-1) ?? '';
}

test('sends the query as the caller gave it, less their key when the config holds one', async () => {
  const path = '/base/v1beta/models/gemini-2.0-flash:streamGenerateContent';
  assert.equal(await pathSent(''), path);
  assert.equal(await pathSent('alt=sse&key=caller'), `${path}?alt=sse&key=caller`);
  assert.equal(await pathSent('alt=sse&key=caller', 'configured'), `${path}?alt=sse`);
  assert.equal(await pathSent('key=caller', 'configured'), path);
  assert.equal(await pathSent('alt=sse', 'configured'), `${path}?alt=sse`);
});
