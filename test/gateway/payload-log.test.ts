import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startStandIn, type StandIn } from '../../src/demo/stand-ins/index.ts';
import { startGatewayHarness, type GatewayHarness } from '../helpers/gateway-harness.ts';
import { tempDirectory } from '../helpers/temp-directory.ts';

const PROMPT =
  'Reply to jane.doe@example.com about card 4111-1111-1111-1111; my key is sk-proj-abcdefghijklmnop1234';

async function chat(gateway: GatewayHarness, stream: boolean) {
  const response = await fetch(`${gateway.base}/openai/v1/chat/completions`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: 'Bearer sk-caller-secret-0000000000000000',
      'x-tokenops-team': 'support',
    },
    body: JSON.stringify({
      model: 'gpt-4o-mini',
      stream,
      messages: [{ role: 'user', content: PROMPT }],
    }),
  });
  assert.equal(response.status, 200);
  await response.text();
  return response.headers.get('x-tokenops-request-id');
}

function payloadLines(directory: string): Record<string, unknown>[] {
  const folder = join(directory, 'payloads');
  return readdirSync(folder).flatMap((file) =>
    readFileSync(join(folder, file), 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>),
  );
}

describe('payload logging', () => {
  let openai: StandIn;
  before(async () => {
    openai = await startStandIn({ kind: 'openai' });
  });
  after(async () => {
    await openai.close();
  });

  it('is off by default: calls leave no prompt or answer on disk', async () => {
    const directory = tempDirectory('payloads-off');
    const gateway = await startGatewayHarness({
      directory,
      providers: { openai: { baseUrl: openai.url } },
    });
    try {
      await chat(gateway, false);
      assert.equal((await gateway.events()).length, 1);
    } finally {
      await gateway.close();
    }
    assert.equal(existsSync(join(directory, 'payloads')), false);
  });

  it('when on, writes each call redacted — built-in keys and emails, then the configured rules', async () => {
    const directory = tempDirectory('payloads-on');
    const gateway = await startGatewayHarness({
      directory,
      providers: { openai: { baseUrl: openai.url } },
      payloadLog: {
        maxBytes: 4096,
        redact: [{ pattern: String.raw`\b\d{4}-\d{4}-\d{4}-\d{4}\b`, replacement: '[CARD]' }],
      },
    });
    const ids = await Promise.resolve()
      .then(async () => [await chat(gateway, false), await chat(gateway, true)])
      .finally(() => gateway.close());
    const lines = payloadLines(directory);
    assert.deepEqual(
      lines.map((line) => line.request_id),
      ids,
    );
    for (const line of lines) {
      const request = String(line.request);
      assert.match(
        request,
        /Reply to \[REDACTED EMAIL\] about card \[CARD\]; my key is \[REDACTED KEY\]/,
      );
      assert.ok(String(line.response).length > 20, 'the answer is logged');
      assert.deepEqual(line.tags, { team: 'support' });
      assert.equal(line.model, 'gpt-4o-mini');
    }
    assert.match(String(lines[1]?.response), /^data: /, 'a stream is logged as it was relayed');
    const raw = readdirSync(join(directory, 'payloads'))
      .map((file) => readFileSync(join(directory, 'payloads', file), 'utf8'))
      .join('');
    for (const secret of [
      'jane.doe@example.com',
      '4111-1111',
      'sk-proj-abcdefghijklmnop',
      'sk-caller-secret',
    ]) {
      assert.ok(!raw.includes(secret), `${secret} is not written`);
    }
  });
});
