import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { startStandIn } from '../../src/demo/stand-ins/index.ts';
import { startGatewayHarness } from '../helpers/gateway-harness.ts';
import { runCliJson, startServer } from '../helpers/run-cli.ts';
import { tempDirectory } from '../helpers/temp-directory.ts';

describe('limits', () => {
  it('a stream past limits.concurrentStreams is a 429; a slot frees when a stream ends', async () => {
    const openai = await startStandIn({ kind: 'openai' });
    const gateway = await startGatewayHarness({
      directory: tempDirectory('limits-streams'),
      providers: { openai: { baseUrl: openai.url } },
      maxConcurrentStreams: 2,
    });
    const stream = (scenario: string) =>
      fetch(`${gateway.base}/openai/v1/chat/completions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-stand-in-scenario': scenario },
        body: JSON.stringify({
          model: 'gpt-4o-mini',
          stream: true,
          messages: [{ role: 'user', content: 'count slowly' }],
        }),
      });
    try {
      const open = [await stream('slow-stream'), await stream('slow-stream')];
      assert.deepEqual(
        open.map((response) => response.status),
        [200, 200],
      );
      const third = await stream('ok');
      assert.equal(third.status, 429);
      assert.match(await third.text(), /limits\.concurrentStreams/);
      await Promise.all(open.map((response) => response.text()));
      const later = await stream('ok');
      assert.equal(later.status, 200);
      await later.text();
      const events = await gateway.events();
      assert.equal(events.length, 3, 'the refused stream never reached the provider');
    } finally {
      await gateway.close();
      await openai.close();
    }
  });

  it('ingest past limits.ingestRequestsPerMinute is a 429 for that token only', async () => {
    const cwd = tempDirectory('limits-ingest');
    writeFileSync(join(cwd, 'tokenops.yaml'), 'limits:\n  ingestRequestsPerMinute: 3\n');
    const token = (name: string) =>
      runCliJson<{ token: string }>(['tokens', 'create', '--role', 'admin', '--name', name], cwd)
        .token;
    const first = token('ingest-a');
    const second = token('ingest-b');
    const server = await startServer([], cwd);
    const post = (bearer: string) =>
      fetch(`${server.url}/api/v1/events`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` },
        body: JSON.stringify([
          {
            id: `e-${Math.random()}`,
            timestamp: new Date().toISOString(),
            provider: 'openai',
            model: 'gpt-4o-mini',
            input_tokens: 10,
            output_tokens: 5,
            tags: { team: 'search' },
          },
        ]),
      });
    try {
      // The limit counts per clock minute: start early in one, so the calls share it.
      const intoMinute = Date.now() % 60_000;
      if (intoMinute > 45_000) {
        await new Promise((resolve) => setTimeout(resolve, 60_000 - intoMinute + 100));
      }
      const statuses = [];
      for (let index = 0; index < 4; index += 1) statuses.push((await post(first)).status);
      assert.deepEqual(statuses, [200, 200, 200, 429]);
      const refused = await post(first);
      assert.ok(Number(refused.headers.get('retry-after')) >= 1);
      assert.match(await refused.text(), /ingest-a.*limits\.ingestRequestsPerMinute/);
      assert.equal((await post(second)).status, 200, 'another token has its own count');
    } finally {
      await server.stop();
    }
  });
});
