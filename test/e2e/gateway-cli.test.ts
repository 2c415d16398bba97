import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { startStandIn } from '../../src/demo/stand-ins/index.ts';
import { runCli, runCliJson, startServer } from '../helpers/run-cli.ts';
import { tempDirectory } from '../helpers/temp-directory.ts';

test('demo --live sends real calls through the gateway and stores one event per call', () => {
  const directory = tempDirectory('live-demo');
  const summary = runCliJson<{
    sent: number;
    statuses: Record<string, number>;
    events_in_store: number;
  }>(['demo', '--live', '--requests', '40'], directory);
  assert.equal(summary.sent, 40);
  assert.equal(
    Object.values(summary.statuses).reduce((sum, count) => sum + count, 0),
    40,
  );
  assert.equal(summary.events_in_store, 40);
});

test('keys create prints a key once, keeps only its hash, and tokenops start honours it', async () => {
  const directory = tempDirectory('keys');
  const standIn = await startStandIn({ kind: 'openai' });
  try {
    writeFileSync(
      join(directory, 'tokenops.yaml'),
      `# upstreams\nproviders:\n  openai:\n    baseUrl: ${standIn.url}\n    apiKeyEnv: TOKENOPS_TEST_OPENAI_KEY\n`,
    );
    const created = runCliJson<{ key: string; name: string }>(
      ['keys', 'create', '--team', 'search', '--service', 'api', '--tag', 'region=eu'],
      directory,
    );
    assert.match(created.key, /^tok_[A-Za-z0-9_-]{43}$/);
    const config = readFileSync(join(directory, 'tokenops.yaml'), 'utf8');
    assert.ok(!config.includes(created.key), 'the key itself is never written');
    assert.match(config, /hash: sha256:[0-9a-f]{64}/);
    assert.match(config, /# upstreams/, 'comments are kept');
    assert.match(runCli(['keys', 'list'], directory).stdout, /search\/api/);

    process.env.TOKENOPS_TEST_OPENAI_KEY = 'sk-real-upstream';
    const server = await startServer([], directory);
    try {
      const response = await fetch(`${server.url}/openai/v1/chat/completions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${created.key}` },
        body: JSON.stringify({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] }),
      });
      assert.equal(response.status, 200);
      assert.equal(standIn.requests.at(-1)?.headers.authorization, 'Bearer sk-real-upstream');
    } finally {
      await server.stop();
    }
    const rows = runCliJson<{ team: string; service: string; requests: number }[]>(
      ['report', '--by', 'team,service,tag:region'],
      directory,
    );
    assert.deepEqual(
      rows.map(({ team, service, requests }) => ({ team, service, requests })),
      [{ team: 'search', service: 'api', requests: 1 }],
    );

    assert.equal(runCli(['keys', 'revoke', 'search/api'], directory).status, 0);
    assert.doesNotMatch(readFileSync(join(directory, 'tokenops.yaml'), 'utf8'), /sha256:/);
    const missing = runCli(['keys', 'revoke', 'search/api'], directory);
    assert.notEqual(missing.status, 0);
    assert.match(missing.stderr, /tokenops keys list/);
  } finally {
    delete process.env.TOKENOPS_TEST_OPENAI_KEY;
    await standIn.close();
  }
});
