import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RECORDED_REQUEST_LIMIT, startStandIn } from './index.ts';

/** A nested field of parsed JSON, read without trusting its shape. */
function at(value: unknown, ...path: (string | number)[]): unknown {
  return path.reduce<unknown>(
    (current, key) => (current as Record<string | number, unknown> | null | undefined)?.[key],
    value,
  );
}

describe('startStandIn', () => {
  it('listens on 127.0.0.1 at a free port', async () => {
    const standIn = await startStandIn({ kind: 'openai' });
    try {
      assert.match(standIn.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    } finally {
      await standIn.close();
    }
  });

  it('records method, path with query, lower-case headers and the body', async () => {
    const standIn = await startStandIn({ kind: 'gemini' });
    try {
      const body = JSON.stringify({ contents: [] });
      await fetch(`${standIn.url}/v1beta/models/gemini-2.5-flash:generateContent?key=k`, {
        method: 'POST',
        headers: { 'X-Goog-Api-Key': 'secret', 'Content-Type': 'application/json' },
        body,
      });
      assert.equal(standIn.requests.length, 1);
      const [recorded] = standIn.requests;
      assert.equal(recorded?.method, 'POST');
      assert.equal(recorded?.path, '/v1beta/models/gemini-2.5-flash:generateContent?key=k');
      assert.equal(recorded?.headers['x-goog-api-key'], 'secret');
      assert.equal(recorded?.body, body);
    } finally {
      await standIn.close();
    }
  });

  it(`keeps only the last ${RECORDED_REQUEST_LIMIT} requests, or none with record: false`, async () => {
    const standIn = await startStandIn({ kind: 'openai' });
    const silent = await startStandIn({ kind: 'openai', record: false });
    try {
      for (let batch = 0; batch < 21; batch++) {
        await Promise.all(
          Array.from({ length: 50 }, async (_, index) => {
            await (await fetch(`${standIn.url}/v1/models?n=${batch * 50 + index}`)).arrayBuffer();
          }),
        );
      }
      assert.equal(standIn.requests.length, RECORDED_REQUEST_LIMIT);
      assert.ok(standIn.requests.every((request) => !request.path.endsWith('?n=0')));
      await (await fetch(`${silent.url}/v1/models`)).arrayBuffer();
      assert.equal(silent.requests.length, 0);
    } finally {
      await Promise.all([standIn.close(), silent.close()]);
    }
  });

  it('sends the configured number of chunks after the configured latency', async () => {
    const standIn = await startStandIn({ kind: 'anthropic', chunks: 5, latencyMs: 100 });
    try {
      const started = performance.now();
      const response = await fetch(`${standIn.url}/v1/messages`, {
        method: 'POST',
        body: JSON.stringify({ stream: true }),
      });
      assert.ok(performance.now() - started >= 95, 'headers wait for the latency');
      const text = await response.text();
      assert.equal(text.split('event: content_block_delta').length - 1, 5);
    } finally {
      await standIn.close();
    }
  });

  it('refuses usage fields the provider does not have, in options and in headers', async () => {
    await assert.rejects(
      startStandIn({ kind: 'openai', usage: { input_tokens: 5 } as never }),
      /unknown field "input_tokens"/,
    );
    const standIn = await startStandIn({ kind: 'anthropic' });
    try {
      for (const header of ['{', '{"prompt_tokens":1}', '{"input_tokens":-1}', '[1]']) {
        const response = await fetch(`${standIn.url}/v1/messages`, {
          method: 'POST',
          headers: { 'x-stand-in-usage': header },
          body: '{}',
        });
        assert.equal(response.status, 400, header);
        assert.match(String(at(await response.json(), 'error', 'message')), /x-stand-in-usage/);
      }
      const unknownScenario = await fetch(`${standIn.url}/v1/messages`, {
        method: 'POST',
        headers: { 'x-stand-in-scenario': 'explode' },
        body: '{}',
      });
      assert.equal(unknownScenario.status, 400);
    } finally {
      await standIn.close();
    }
  });

  it('takes the retry-after of a 429 from x-stand-in-retry-after', async () => {
    const standIn = await startStandIn({ kind: 'openai' });
    try {
      const response = await fetch(`${standIn.url}/v1/chat/completions`, {
        method: 'POST',
        headers: { 'x-stand-in-scenario': 'error-429', 'x-stand-in-retry-after': '7' },
        body: '{}',
      });
      assert.equal(response.headers.get('retry-after'), '7');
      await response.arrayBuffer();
    } finally {
      await standIn.close();
    }
  });

  it('close() cuts hanging calls and idle keep-alive connections, and can be called twice', async () => {
    const standIn = await startStandIn({ kind: 'bedrock' });
    await (await fetch(`${standIn.url}/model/m/converse`, { method: 'POST', body: '{}' })).json();
    const hanging = fetch(`${standIn.url}/model/m/converse`, {
      method: 'POST',
      headers: { 'x-stand-in-scenario': 'hang' },
      body: '{}',
    });
    while (standIn.requests.length < 2) await new Promise((resolve) => setImmediate(resolve));
    await Promise.all([standIn.close(), standIn.close()]);
    await assert.rejects(hanging);
  });
});
