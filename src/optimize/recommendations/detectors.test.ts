import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ZERO_TOKENS, type TokenCounts } from '../../domain/token-classes.ts';
import type { RecordedCall } from '../../domain/recorded-call.ts';
import { createBatchDetector } from './detect-batch-candidates.ts';
import { createCacheOpportunityDetector } from './detect-cache-opportunities.ts';
import { createContextGrowthDetector } from './detect-context-growth.ts';
import { createOutputOutlierDetector } from './detect-output-outliers.ts';
import { createPromptBloatDetector } from './detect-prompt-bloat.ts';
import { createRetryHotSpotDetector } from './detect-retry-hot-spots.ts';
import { createTieringDetector } from './detect-tiering-candidates.ts';
import type { Detector } from './recommendation.ts';

const NOON = Date.parse('2026-03-10T12:00:00Z');
let sequence = 0;

function event(
  feature: string,
  tokens: Partial<TokenCounts>,
  more: Partial<RecordedCall> = {},
  cost = 0.01,
): RecordedCall {
  sequence += 1;
  return {
    timestamp: NOON + sequence,
    provider: 'openai',
    model: 'gpt-4.1',
    serviceTier: 'standard',
    tokens: { ...ZERO_TOKENS, input: 1_000, output: 100, ...tokens },
    status: 'ok',
    attempt: 1,
    tags: { feature },
    cost,
    ...more,
  };
}

function run(detector: Detector, events: readonly RecordedCall[]) {
  for (const each of events) detector.observe(each);
  return detector.findings();
}

const times = <T>(count: number, make: (index: number) => T): T[] =>
  Array.from({ length: count }, (_, index) => make(index));

test('prompt bloat: a prompt that grew from 1,000 to 1,500 tokens is trimmed back to 1,000', () => {
  const version = (fingerprint: string, system: number, success: number) =>
    times(40, (index) =>
      event(
        'chat',
        {},
        {
          promptFingerprint: fingerprint,
          prompt: { systemPromptTokens: system },
          outcome: index < success ? 'success' : 'failure',
        },
      ),
    );
  const [finding, ...rest] = run(createPromptBloatDetector(), [
    ...version('v1', 1_000, 30),
    ...version('v2', 1_500, 30),
    ...times(40, () =>
      event('steady', {}, { promptFingerprint: 'v1', prompt: { systemPromptTokens: 900 } }),
    ),
  ]);
  assert.equal(rest.length, 0);
  assert.deepEqual(finding?.change, {
    scenario: { kind: 'system-prompt', maxSystemPromptTokens: 1_000 },
    where: { feature: 'chat' },
  });
  assert.equal(finding?.evidence.growth, '50.0 %');
  assert.equal(finding?.quality_risk.level, 'low');
});

test('cache opportunity: a 2,000-token prefix billed uncached on most calls, not one already read', () => {
  const prompt = { systemPromptTokens: 1_500, toolDefinitionTokens: 500 };
  const findings = run(createCacheOpportunityDetector(), [
    ...times(30, () => event('triage', { input: 3_000 }, { promptFingerprint: 'p', prompt })),
    ...times(30, () =>
      event('chat', { input: 3_000, cacheRead: 2_000 }, { promptFingerprint: 'q', prompt }),
    ),
  ]);
  assert.equal(findings.length, 1);
  assert.deepEqual(findings[0]?.scope, { feature: 'triage', model: 'gpt-4.1' });
  assert.equal(findings[0]?.evidence.prefix_billed_uncached, '100.0 %');
  assert.equal(findings[0]?.evidence.repeat_rate, '96.7 %');
});

test('tiering: the dearer model of a feature moves to its cheapest, risk from their outcomes', () => {
  const findings = run(createTieringDetector(), [
    ...times(40, (index) =>
      event(
        'triage',
        {},
        {
          model: 'claude-opus-4-1',
          provider: 'anthropic',
          outcome: index < 38 ? 'success' : 'failure',
        },
        0.05,
      ),
    ),
    ...times(40, (index) =>
      event('triage', {}, { outcome: index < 37 ? 'success' : 'failure' }, 0.01),
    ),
  ]);
  assert.equal(findings.length, 1);
  assert.deepEqual(findings[0]?.change, {
    scenario: { kind: 'model', provider: 'openai', model: 'gpt-4.1' },
    where: { feature: 'triage', model: 'claude-opus-4-1' },
  });
  // 95 % against 92.5 %: a 2.5-point gap is a medium risk.
  assert.equal(findings[0]?.quality_risk.level, 'medium');
});

test('tiering: only an experiment that ran both models makes a switch low risk — or high', () => {
  /** A split on `triage`: control on opus at $0.05 a call, mini on gpt-4.1 at $0.01. */
  const split = (successes: { control: number; mini: number }, calls: number) => [
    ...times(calls, (index) =>
      event(
        'triage',
        {},
        {
          model: 'claude-opus-4-1',
          provider: 'anthropic',
          outcome: index < successes.control ? 'success' : 'failure',
          tags: { feature: 'triage', extra: { experiment: 'trial', variant: 'control' } },
        },
        0.05,
      ),
    ),
    ...times(calls, (index) =>
      event(
        'triage',
        {},
        {
          outcome: index < successes.mini ? 'success' : 'failure',
          tags: { feature: 'triage', extra: { experiment: 'trial', variant: 'mini' } },
        },
        0.01,
      ),
    ),
  ];
  // 2,000 outcomes a variant at 95 %: non-inferior within 2 points, and a fifth of the cost.
  const [safe] = run(createTieringDetector(), split({ control: 1_900, mini: 1_900 }, 2_000));
  assert.equal(safe?.quality_risk.level, 'low');
  assert.match(String(safe?.quality_risk.reason), /experiment trial, variant mini: safe to switch/);
  // 95 % against 80 %: worse, whatever it saves.
  const [worse] = run(createTieringDetector(), split({ control: 1_900, mini: 1_600 }, 2_000));
  assert.equal(worse?.quality_risk.level, 'high');
  assert.match(String(worse?.quality_risk.reason), /: worse/);
  // 40 outcomes a variant prove nothing yet.
  const [early] = run(createTieringDetector(), split({ control: 38, mini: 38 }, 40));
  assert.equal(early?.quality_risk.level, 'medium');
  assert.match(String(early?.quality_risk.reason), /not yet known/);
});

test('batch: a feature partly on the batch tier is a candidate; an interactive one is not', () => {
  const findings = run(createBatchDetector(), [
    ...times(30, () => event('summaries', {})),
    ...times(10, () => event('summaries', {}, { serviceTier: 'batch' })),
    ...times(30, () => event('chat', {}, { timeToFirstTokenMs: 300 })),
  ]);
  assert.deepEqual(
    findings.map((finding) => [finding.scope.feature, finding.quality_risk.level]),
    [['summaries', 'low']],
  );
  assert.deepEqual(findings[0]?.change.scenario, { kind: 'tier', tier: 'batch' });
});

test('output outliers: a long tail is capped at the 95th percentile, rounded up to 50', () => {
  // 100 answers: 94 of 100 tokens, 6 of 1,000 — the 95th percentile is 1,000, the median 100.
  const outputs = [...times(94, () => 100), ...times(6, () => 1_000)];
  const findings = run(createOutputOutlierDetector(), [
    ...outputs.map((output) => event('chat', { output })),
    ...times(100, () => event('even', { output: 100 })),
  ]);
  assert.equal(findings.length, 1);
  assert.deepEqual(findings[0]?.change.scenario, { kind: 'output-cap', maxOutputTokens: 1_000 });
  assert.equal(findings[0]?.evidence.p99_output_tokens, 1_000);
});

test('retry hot spots: frequent retries whose failed attempts bill', () => {
  const failing = times(60, (index) => [
    event('flaky', {}, index < 3 ? { status: 'error', errorKind: 'timeout' } : {}),
    ...(index < 3 ? [event('flaky', {}, { attempt: 2 })] : []),
  ]).flat();
  const findings = run(createRetryHotSpotDetector(), [
    ...failing,
    ...times(60, () => event('calm', {})),
  ]);
  assert.equal(findings.length, 1);
  assert.equal(findings[0]?.evidence.retry_rate, '5.0 %');
  assert.equal(findings[0]?.evidence.errors, 'timeout 3');
  assert.deepEqual(findings[0]?.change.scenario, { kind: 'no-retries' });
});

test('context growth: traces that re-read every step are capped at twice the first prompt', () => {
  const trace = (id: string, steps: number) =>
    times(steps, (step) => event('agent', { input: 3_000 + step * 2_000 }, { traceId: id }));
  const findings = run(createContextGrowthDetector(), [
    ...times(10, (index) => trace(`t${index}`, 6)).flat(),
    ...times(10, (index) => event('chat', { input: 3_000 }, { traceId: `c${index}` })),
  ]);
  assert.equal(findings.length, 1);
  // Median first prompt 3,000 → 6,000, rounded up to 6,144.
  assert.deepEqual(findings[0]?.change.scenario, { kind: 'context-cap', maxInputTokens: 6_144 });
  assert.equal(findings[0]?.evidence.median_largest_prompt_tokens, 13_000);
});
