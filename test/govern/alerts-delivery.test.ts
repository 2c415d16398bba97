import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { startStandIn, type StandIn } from '../../src/demo/stand-ins/index.ts';
import type { AlertRow } from '../../src/govern/index.ts';
import { runCliJson, startServer } from '../helpers/run-cli.ts';
import { tempDirectory } from '../helpers/temp-directory.ts';

// Each call: 1,000 prompt + 500 completion tokens of gpt-4o-mini = $0.00045 (see below).
const CALL_USD = (1000 * 0.15 + 500 * 0.6) / 1e6;
const directory = tempDirectory('alerts-delivery');

interface Received {
  path: string;
  id: string | undefined;
  body: Record<string, unknown>;
}

/** A webhook receiver on a fixed port that can be taken down and brought back. */
class Receiver {
  readonly received: Received[] = [];
  private server: Server | undefined;
  port = 0;

  async up(): Promise<void> {
    const server = createServer((request, response) => {
      let text = '';
      request.on('data', (chunk: Buffer) => (text += chunk.toString()));
      request.on('end', () => {
        const id = request.headers['x-tokenops-alert-id'];
        this.received.push({
          path: request.url ?? '',
          id: Array.isArray(id) ? id[0] : id,
          body: JSON.parse(text) as Record<string, unknown>,
        });
        response.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(this.port, '127.0.0.1', resolve));
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
  }

  async down(): Promise<void> {
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    this.server = undefined;
  }

  ids(path: string): (string | undefined)[] {
    return this.received.filter((item) => item.path === path).map((item) => item.id);
  }
}

const receiver = new Receiver();
let standIn: StandIn;
let server: { url: string; stop: () => Promise<void> };

before(async () => {
  await receiver.up();
  standIn = await startStandIn({
    kind: 'openai',
    usage: { prompt_tokens: 1000, completion_tokens: 500 },
  });
  const config = join(directory, 'tokenops.yaml');
  writeFileSync(
    config,
    [
      `providers: { openai: { baseUrl: "${standIn.url}" } }`,
      'budgets:',
      '  - { name: web-day, scope: { team: web }, period: day, limitUsd: 0.001, thresholds: [0.5, 1] }',
      'alerts:',
      `  - { name: hook, kind: webhook, url: "http://127.0.0.1:${receiver.port}/hook" }`,
      `  - { kind: slack, url: "http://127.0.0.1:${receiver.port}/slack" }`,
      'governance:',
      '  evaluateIntervalMs: 100',
      '  alertRetryBaseMs: 100',
      '  alertRetryMaxMs: 300',
      '  publicUrl: "https://tokenops.example.com"',
    ].join('\n'),
  );
  server = await startServer(['--config', config, '--data', join(directory, 'data')], directory);
});

after(async () => {
  await server.stop();
  await standIn.close();
  await receiver.down();
});

async function call(): Promise<void> {
  const response = await fetch(`${server.url}/openai/v1/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-tokenops-team': 'web' },
    body: JSON.stringify({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] }),
  });
  assert.equal(response.status, 200, 'a soft budget never refuses');
  await response.text();
}

async function until<T>(
  what: string,
  check: () => Promise<T | undefined> | T | undefined,
): Promise<T> {
  for (let attempt = 0; attempt < 150; attempt += 1) {
    const value = await check();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const alerts = async () =>
  (await (await fetch(`${server.url}/api/v1/alerts`)).json()) as AlertRow[];

test('a threshold alert reaches the webhook and Slack channels once each', async () => {
  await call();
  await call(); // $0.0009 of $0.001: 90 %, past the 50 % threshold
  const key = `budget:web-day:${new Date().toISOString().slice(0, 10)}:0.5`;
  await until('the 50 % alert on both channels', () =>
    receiver.ids('/hook').length > 0 && receiver.ids('/slack').length > 0 ? true : undefined,
  );
  // Further checks see the same fact again; nothing is sent twice.
  await new Promise((resolve) => setTimeout(resolve, 600));
  assert.deepEqual(receiver.ids('/hook'), [key]);
  assert.deepEqual(receiver.ids('/slack'), [key]);

  const hook = receiver.received.find((item) => item.path === '/hook')?.body ?? {};
  assert.equal(hook.id, key);
  assert.equal(hook.kind, 'budget_threshold');
  assert.equal(hook.title, 'Budget "web-day" reached 50 %');
  assert.deepEqual(hook.scope, { team: 'web' });
  assert.equal(hook.link, 'https://tokenops.example.com/api/v1/budgets');
  const data = hook.data as Record<string, unknown>;
  assert.ok(Math.abs(Number(data.spent_usd) - 2 * CALL_USD) < 1e-12);
  assert.equal(data.limit_usd, 0.001);
  const slack = receiver.received.find((item) => item.path === '/slack')?.body ?? {};
  assert.match(
    String(slack.text),
    /^Budget "web-day" reached 50 %: \$0\.0009 of \$0\.0010 spent this day of team=web \(90 %\)/,
  );
  assert.ok(Array.isArray(slack.blocks));
});

test('an alert raised while the receiver is down is redelivered once it is back', async () => {
  await receiver.down();
  await call(); // $0.00135: past 100 %
  const key = `budget:web-day:${new Date().toISOString().slice(0, 10)}:1`;
  const failing = await until('a failed delivery on record', async () => {
    const row = (await alerts()).find((alert) => alert.key === key);
    const hook = row?.deliveries.find((delivery) => delivery.channel === 'hook');
    return hook && hook.attempts >= 2 ? hook : undefined;
  });
  assert.equal(failing.state, 'retrying');
  assert.equal(failing.last_error, 'ECONNREFUSED');
  assert.deepEqual(
    receiver.ids('/hook').filter((id) => id === key),
    [],
  );

  await receiver.up();
  await until('the redelivery', () => (receiver.ids('/hook').includes(key) ? true : undefined));
  await until('the Slack redelivery', () =>
    receiver.ids('/slack').includes(key) ? true : undefined,
  );
  await new Promise((resolve) => setTimeout(resolve, 600));
  assert.equal(receiver.ids('/hook').filter((id) => id === key).length, 1);
  assert.equal(receiver.ids('/slack').filter((id) => id === key).length, 1);
  assert.equal(receiver.received.length, 4, 'two alerts, two channels, once each');

  const listed = runCliJson<AlertRow[]>(['--server', server.url, 'alerts'], directory);
  assert.deepEqual(
    listed.map((alert) => [alert.key, alert.severity, alert.deliveries.map((item) => item.state)]),
    [
      [key, 'critical', ['delivered', 'delivered']],
      [key.replace(/:1$/, ':0.5'), 'info', ['delivered', 'delivered']],
    ],
  );
});
