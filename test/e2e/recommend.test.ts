import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { Recommendation } from '../../src/optimize/index.ts';
import type { WhatIfRow } from '../../src/optimize/index.ts';
import { runCliJson, startServer } from '../helpers/run-cli.ts';
import { tempDirectory } from '../helpers/temp-directory.ts';

// 21 days ending 2026-03-31: the default period is the whole demo, 2026-03-11 to 2026-03-31.
const DAYS = 21;

/** What the generator plants (src/demo/company-profile.ts and the agent chains), by kind. */
const PLANTED: Record<Recommendation['kind'], string[]> = {
  // support-chat's system prompt grows 15 % a week.
  'prompt-bloat': ['support-chat'],
  // ticket-triage sends its 1,100-token system prompt to claude-opus-4-1 with no breakpoint.
  'cache-opportunity': ['ticket-triage'],
  // Features served by a dear and a cheap model side by side.
  tiering: ['support-chat', 'ticket-triage', 'document-summarisation'],
  // Nightly features that already send most of their calls as batch jobs.
  batch: ['document-summarisation', 'product-descriptions'],
  // Output spreads of 0.6: long tails.
  'output-outliers': ['coding-agent', 'analytics-assistant', 'code-review'],
  // Slow models fail 3 % of first attempts; a timeout bills the prompt it read.
  'retry-hot-spot': ['document-summarisation', 'ticket-triage'],
  // Agent steps re-read the whole chain, and the runaway loop grows to 150k tokens.
  'context-growth': ['coding-agent'],
};

describe('recommend on the demo workload', () => {
  const cwd = tempDirectory('recommend');
  let recommendations: Recommendation[] = [];

  before(() => {
    runCliJson(
      [
        'demo',
        '--days',
        String(DAYS),
        '--seed',
        '7',
        '--events-per-day',
        '2000',
        '--end',
        '2026-03-31',
      ],
      cwd,
    );
    recommendations = runCliJson<Recommendation[]>(['recommend'], cwd);
  });

  it('finds every inefficiency the generator planted, largest saving first', () => {
    for (const [kind, features] of Object.entries(PLANTED)) {
      const found = recommendations
        .filter((recommendation) => recommendation.kind === kind)
        .map((recommendation) => recommendation.scope.feature);
      for (const feature of features) {
        assert.ok(found.includes(feature), `${kind} on ${feature}: found ${found.join(', ')}`);
      }
    }
    const savings = recommendations.map((recommendation) => recommendation.monthly_saving);
    assert.deepEqual(
      savings,
      [...savings].sort((a, b) => b - a),
    );
    const tiering = recommendations.find(
      (recommendation) =>
        recommendation.kind === 'tiering' && recommendation.scope.feature === 'support-chat',
    );
    // claude-haiku-4-5 succeeds 74 % of the time on support-chat against sonnet's 82 %.
    assert.equal(tiering?.quality_risk.level, 'high');
  });

  it('gives each saving that `tokenops whatif` replays over the same period, to within 10 %', () => {
    for (const recommendation of recommendations) {
      const [command, subcommand, ...args] = recommendation.whatif.split(' ');
      assert.deepEqual([command, subcommand], ['tokenops', 'whatif']);
      const [row] = runCliJson<WhatIfRow[]>(['whatif', ...args], cwd);
      const monthly = ((row?.saving ?? 0) * 30) / DAYS;
      const difference = Math.abs(monthly - recommendation.monthly_saving);
      // The same engine over the same calls: they agree to rounding.
      assert.ok(
        difference <= 0.1 * recommendation.monthly_saving && difference < 1e-6,
        `${recommendation.whatif}: ${monthly} against ${recommendation.monthly_saving}`,
      );
    }
  });

  it('answers the same on the API and through --server', async () => {
    const server = await startServer([], cwd);
    try {
      const viaApi = (await (
        await fetch(`${server.url}/api/v1/recommendations?kind=prompt-bloat,batch`)
      ).json()) as Recommendation[];
      const viaServer = runCliJson<Recommendation[]>(
        ['--server', server.url, 'recommend', '--kind', 'prompt-bloat,batch'],
        cwd,
      );
      const expected = recommendations.filter(
        (recommendation) =>
          recommendation.kind === 'prompt-bloat' || recommendation.kind === 'batch',
      );
      assert.deepEqual(viaApi, expected);
      assert.deepEqual(viaServer, expected);
    } finally {
      await server.stop();
    }
  });
});
