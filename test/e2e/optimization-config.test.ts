import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { startStandIn } from '../../src/demo/stand-ins/index.ts';
import { runCli, runCliJson, startServer } from '../helpers/run-cli.ts';
import { tempDirectory } from '../helpers/temp-directory.ts';

test('tokenops start routes and caches as tokenops.yaml says', async () => {
  const directory = tempDirectory('optimization-config');
  const standIn = await startStandIn({ kind: 'openai' });
  try {
    writeFileSync(
      join(directory, 'tokenops.yaml'),
      [
        'providers:',
        `  openai: { baseUrl: "${standIn.url}" }`,
        'routing:',
        '  - match: { feature: summarize, model: gpt-4o }',
        '    model: gpt-4o-mini',
        '  - name: trial',
        '    match: { feature: trial }',
        '    split:',
        '      - { variant: control, percent: 50 }',
        '      - { variant: mini, percent: 50, model: gpt-4o-mini }',
        'cache:',
        '  exact: { enabled: true, ttlSeconds: 60 }',
        'output:',
        '  - { match: { feature: summarize }, maxTokensCeiling: 300 }',
      ].join('\n'),
    );
    const server = await startServer([], directory);
    const call = (feature = 'summarize', user = 'u-0') =>
      fetch(`${server.url}/openai/v1/chat/completions`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-tokenops-team': 'docs',
          'x-tokenops-feature': feature,
          'x-tokenops-user': user,
        },
        body: JSON.stringify({ model: 'gpt-4o', messages: [{ role: 'user', content: 'hi' }] }),
      });
    try {
      const first = await call();
      await first.text();
      const second = await call();
      await second.text();
      assert.equal(first.headers.get('x-tokenops-cache'), 'miss');
      assert.equal(second.headers.get('x-tokenops-cache'), 'hit');
      assert.equal(standIn.requests.length, 1);
      const sent = JSON.parse(standIn.requests[0]?.body ?? '{}') as Record<string, unknown>;
      assert.equal(sent.model, 'gpt-4o-mini');
      assert.equal(sent.max_completion_tokens, 300);
      for (let user = 1; user <= 8; user += 1) await (await call('trial', `u-${user}`)).text();
    } finally {
      await server.stop();
    }
    const rows = runCliJson<{ model: string; requests: number }[]>(
      ['report', '--by', 'model', '--where', 'feature=summarize'],
      directory,
    );
    assert.deepEqual(
      rows.map(({ model, requests }) => ({ model, requests })),
      [{ model: 'gpt-4o-mini', requests: 2 }],
    );
    // The split's variants are a dimension of every report.
    const variants = runCliJson<Record<string, string | number>[]>(
      ['report', '--by', 'tag:variant', '--where', 'tag:experiment=trial'],
      directory,
    );
    assert.equal(
      variants.reduce((sum, row) => sum + Number(row.requests), 0),
      8,
    );
    assert.ok(variants.every((row) => ['control', 'mini'].includes(String(row['tag:variant']))));
  } finally {
    await standIn.close();
  }
});

test('tokenops start refuses a routing rule that would hand a caller’s key to another provider', () => {
  const directory = tempDirectory('optimization-refusal');
  writeFileSync(
    join(directory, 'tokenops.yaml'),
    [
      'providers:',
      '  groq: { kind: openai-compatible, baseUrl: "http://127.0.0.1:9" }',
      'routing:',
      '  - { match: { feature: chat }, provider: groq, model: llama-3.3-70b-versatile }',
    ].join('\n'),
  );
  const result = runCli(['start', '--port', '0'], directory);
  assert.notEqual(result.status, 0);
  assert.match(result.stderr, /routing\[0\]\.provider names groq, which has no apiKeyEnv/);
  assert.match(result.stderr, /providers\.groq\.apiKeyEnv/);
});
