import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { startStandIn } from '../../src/demo/stand-ins/index.ts';
import type { ExperimentRow } from '../../src/optimize/index.ts';
import { runCli, runCliJson, startServer } from '../helpers/run-cli.ts';
import { tempDirectory } from '../helpers/temp-directory.ts';

const CALLS = 600;
const Z2 = 1.959963984540054 ** 2;

test('experiments show compares the variants of a split the gateway ran, from posted feedback', async () => {
  const directory = tempDirectory('experiments');
  const standIn = await startStandIn({ kind: 'openai' });
  try {
    writeFileSync(
      join(directory, 'tokenops.yaml'),
      [
        'providers:',
        `  openai: { baseUrl: "${standIn.url}" }`,
        'routing:',
        '  - name: support-trial',
        '    match: { feature: support-chat }',
        '    split:',
        '      - { variant: big, percent: 50 }',
        '      - { variant: mini, percent: 50, model: gpt-4o-mini }',
      ].join('\n'),
    );
    const server = await startServer([], directory);
    const served = { big: 0, mini: 0 };
    let fromServer: ExperimentRow[] = [];
    try {
      const feedback: { request_id: string; outcome: 'success' }[] = [];
      // Each user is kept on one variant; the stand-in answers 120 input and 30 output tokens.
      for (let start = 0; start < CALLS; start += 20) {
        const answers = await Promise.all(
          Array.from({ length: 20 }, async (_, index) => {
            const response = await fetch(`${server.url}/openai/v1/chat/completions`, {
              method: 'POST',
              headers: {
                'content-type': 'application/json',
                'x-tokenops-team': 'support',
                'x-tokenops-feature': 'support-chat',
                'x-tokenops-user': `u-${start + index}`,
              },
              body: JSON.stringify({
                model: 'gpt-4o',
                messages: [{ role: 'user', content: 'hi' }],
              }),
            });
            assert.equal(response.status, 200);
            const body = (await response.json()) as { model: string };
            return { id: response.headers.get('x-tokenops-request-id') ?? '', model: body.model };
          }),
        );
        for (const answer of answers) {
          served[answer.model === 'gpt-4o-mini' ? 'mini' : 'big'] += 1;
          feedback.push({ request_id: answer.id, outcome: 'success' });
        }
      }
      await waitForEvents(server.url, CALLS);
      const posted = await fetch(`${server.url}/api/v1/feedback`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(feedback),
      });
      assert.deepEqual(await posted.json(), { updated: CALLS, unknown: [] });
      fromServer = runCliJson<ExperimentRow[]>(
        ['--server', server.url, 'experiments', 'show', 'support-trial'],
        directory,
      );
    } finally {
      await server.stop();
    }
    const { big, mini } = served;
    assert.ok(big > 200 && mini > 200, `split ${big}/${mini}`);
    const rows = runCliJson<ExperimentRow[]>(['experiments', 'show', 'support-trial'], directory);
    assert.deepEqual(rows, fromServer, 'the API and the store give the same rows');
    const pick = (variant: string) => {
      const row = rows.find((candidate) => candidate.variant === variant);
      assert.ok(row, variant);
      return row;
    };
    // big is the config's first variant: the control. Every outcome a success, so each rate's
    // Wilson lower bound is n / (n + z²) and the difference's is −(1 − that of mini).
    assert.deepEqual(
      rows.map((row) => [row.variant, row.role]),
      [
        ['big', 'control'],
        ['mini', 'variant'],
      ],
    );
    for (const [variant, count, perCall] of [
      ['big', big, 0.0006], // gpt-4o: 120 × $2.50 + 30 × $10 per 1M
      ['mini', mini, 0.000036], // gpt-4o-mini: 120 × $0.15 + 30 × $0.60 per 1M
    ] as const) {
      const row = pick(variant);
      assert.deepEqual(
        [row.requests, row.events, row.outcomes, row.successes, row.success_rate],
        [count, count, count, count, 1],
      );
      assert.ok(Math.abs(row.cost - count * perCall) < 1e-9, `${variant} cost ${row.cost}`);
      assert.ok(Math.abs((row.cost_per_good_outcome ?? 0) - perCall) < 1e-9);
      assert.ok(Math.abs((row.success_rate_lower ?? 0) - count / (count + Z2)) < 1e-6);
    }
    assert.equal(pick('mini').verdict, 'safe to switch');
    assert.ok(Math.abs((pick('mini').difference_lower ?? 0) + Z2 / (mini + Z2)) < 1e-6);

    // Against mini, big is as good but costs more per good outcome.
    const swapped = runCliJson<ExperimentRow[]>(
      ['experiments', 'show', 'support-trial', '--control', 'mini'],
      directory,
    );
    assert.equal(swapped.find((row) => row.variant === 'big')?.verdict, 'worse');

    const unknown = runCli(['experiments', 'show', 'no-such-trial'], directory);
    assert.equal(unknown.status, 1);
    assert.match(unknown.stderr, /no calls of experiment "no-such-trial"/);
    assert.match(unknown.stderr, /tokenops report --by tag:experiment/);
  } finally {
    await standIn.close();
  }
});

/** The spool commits in groups: waits until the store holds every call of the split. */
async function waitForEvents(url: string, count: number): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const response = await fetch(`${url}/api/v1/report?where=tag:experiment:support-trial`);
    const [row] = (await response.json()) as { requests?: number }[];
    if (row?.requests === count) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  assert.fail(`the store did not reach ${count} calls`);
}
