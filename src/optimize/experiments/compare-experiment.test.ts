import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ValidationError } from '../../domain/errors/index.ts';
import type { ExperimentVariantTotals } from '../../store/experiment-spec.ts';
import { compareExperiment } from './compare-experiment.ts';

const variant = (
  name: string,
  figures: Partial<ExperimentVariantTotals> = {},
): ExperimentVariantTotals => ({
  variant: name,
  requests: 10,
  events: 10,
  cost: 1,
  unpriced: 0,
  outcomes: 0,
  successes: 0,
  scores: 0,
  scoreSum: 0,
  scoreSquareSum: 0,
  ...figures,
});

const outcomes = (name: string, successes: number, of: number, cost: number) =>
  variant(name, { requests: of, events: of, outcomes: of, successes, cost });

const judged = (control: ExperimentVariantTotals, other: ExperimentVariantTotals) => {
  const rows = compareExperiment('trial', [control, other], { configured: [] });
  assert.equal(rows[0]?.role, 'control');
  const row = rows[1];
  assert.ok(row);
  return row;
};

describe('compareExperiment', () => {
  it('marks a variant safe when its success rate is within 2 points and it costs less per success', () => {
    // 4,000 of 5,000 on both: difference 0 (95 %: ±1.57 points, inside −2); $5 / 4,000
    // successes = $0.00125 per good outcome against $50 / 4,000 = $0.0125.
    const rows = compareExperiment(
      'trial',
      [outcomes('control', 4000, 5000, 50), outcomes('mini', 4000, 5000, 5)],
      { configured: [] },
    );
    assert.deepEqual(rows[1], {
      experiment: 'trial',
      variant: 'mini',
      role: 'variant',
      requests: 5000,
      events: 5000,
      cost: 5,
      unpriced: 0,
      outcomes: 5000,
      successes: 4000,
      success_rate: 0.8,
      success_rate_lower: 0.788684,
      success_rate_upper: 0.810855,
      scores: 0,
      mean_score: null,
      mean_score_lower: null,
      mean_score_upper: null,
      cost_per_good_outcome: 0.00125,
      metric: 'success_rate',
      difference: 0,
      difference_lower: -0.01568,
      difference_upper: 0.01568,
      margin: 0.02,
      verdict: 'safe to switch',
      outcomes_needed: null,
      reason:
        'success rate 0.0 points (95 %: -1.6 points to +1.6 points), within the margin of 2.0 points; $0.001250 per good outcome against $0.01250',
    });
    assert.equal(rows[0]?.verdict, null);
    assert.equal(rows[0]?.reason, 'the control (its name)');
  });

  it('calls a variant worse when its success rate is significantly lower, however cheap', () => {
    // 60/100 against 90/100: −30 points (95 %: −40.8 to −18.3).
    const row = judged(outcomes('control', 90, 100, 1), outcomes('cheap', 60, 100, 0.1));
    assert.equal(row.verdict, 'worse');
    assert.deepEqual(
      [row.difference, row.difference_lower, row.difference_upper],
      [-0.3, -0.40774, -0.182789],
    );
  });

  it('calls an as-good variant worse when it costs more per good outcome', () => {
    const row = judged(outcomes('control', 4000, 5000, 5), outcomes('big', 4000, 5000, 50));
    assert.equal(row.verdict, 'worse');
    assert.match(row.reason, /but \$0\.01250 per good outcome against \$0\.001250: no saving$/);
  });

  it('says not yet known, with the outcomes that would decide, while the interval spans the margin', () => {
    // 7/10 against 8/10: −10 points (95 %: −43.5 to +26.5). At these rates about 14.45 times
    // the outcomes decide: 145 per variant, 270 more in all.
    const row = judged(outcomes('control', 8, 10, 1), outcomes('mini', 7, 10, 0.1));
    assert.equal(row.verdict, 'not yet known');
    assert.equal(row.outcomes_needed, 270);
    assert.deepEqual([row.difference_lower, row.difference_upper], [-0.435386, 0.264614]);
  });

  it('does not call a variant safe while some of the calls compared are unpriced', () => {
    const cheap = { ...outcomes('mini', 4000, 5000, 5), unpriced: 3 };
    const row = judged(outcomes('control', 4000, 5000, 50), cheap);
    assert.equal(row.verdict, 'not yet known');
    assert.equal(row.outcomes_needed, null);
    assert.match(row.reason, /3 call\(s\) could not be priced/);
  });

  it('counts retries in the cost per good outcome and waits for outcomes', () => {
    // 12 calls for 10 requests, $1.20 in all, 8 successes: $0.15 per good outcome.
    const retried = variant('mini', { events: 12, cost: 1.2, outcomes: 10, successes: 8 });
    const row = judged(variant('control'), retried);
    assert.equal(row.cost_per_good_outcome, 0.15);
    assert.equal(row.verdict, 'not yet known');
    assert.match(row.reason, /each variant needs at least an outcome/);
    const silent = judged(variant('control'), variant('mini'));
    assert.equal(silent.metric, null);
    assert.match(silent.reason, /no outcomes or scores reported yet/);
  });

  it('reproduces the worked example of docs/experiments.md', () => {
    const control = variant('control', {
      requests: 1000,
      events: 1012,
      cost: 6.2,
      outcomes: 940,
      successes: 846,
    });
    const mini = variant('mini', {
      requests: 1000,
      events: 1030,
      cost: 0.41,
      outcomes: 960,
      successes: 864,
    });
    const first = judged(control, mini);
    assert.deepEqual(
      [first.verdict, first.difference, first.difference_lower, first.difference_upper],
      ['not yet known', 0, -0.027082, 0.027154],
    );
    // 1.8265 times the outcomes: 1,754 − 960 + 1,717 − 940.
    assert.equal(first.outcomes_needed, 1571);
    assert.equal(first.cost_per_good_outcome, 0.000474537037);
    const later = judged(
      { ...control, cost: 11.35, outcomes: 1720, successes: 1548 },
      { ...mini, cost: 0.76, outcomes: 1760, successes: 1584 },
    );
    assert.deepEqual([later.verdict, later.difference_lower], ['safe to switch', -0.01997]);
  });

  it('compares mean scores with Welch’s interval when no outcome is reported', () => {
    // Scores 4,5,5,4,5,4,5,5 (mean 4.625) against 3,4,4,3,4,5,3,4 (mean 3.75): +0.875
    // (95 %: +0.20 to +1.55), margin 2 % of 3.75 = 0.075; $2 / 37 points against $3 / 30.
    const scored = (name: string, sum: number, squareSum: number, cost: number) =>
      variant(name, { scores: 8, scoreSum: sum, scoreSquareSum: squareSum, cost });
    const row = judged(scored('control', 30, 116, 3), scored('tuned', 37, 173, 2));
    assert.equal(row.metric, 'mean_score');
    assert.deepEqual(
      [row.mean_score, row.mean_score_lower, row.mean_score_upper],
      [4.625, 4.192318, 5.057682],
    );
    assert.deepEqual([row.difference, row.margin], [0.875, 0.075]);
    assert.equal(row.cost_per_good_outcome, 0.054054054054);
    assert.equal(row.verdict, 'safe to switch');
  });
});

describe('the control', () => {
  const names = [variant('a'), variant('b'), variant('c')];
  const order = (options: { control?: string; configured: string[] }) =>
    compareExperiment('trial', names, options).map((row) => `${row.variant}:${row.role}`);

  it('is the first variant of the split in tokenops.yaml, others following its order', () => {
    assert.deepEqual(order({ configured: ['b', 'c', 'a'] }), [
      'b:control',
      'c:variant',
      'a:variant',
    ]);
  });

  it('is --control when given, and refuses a variant without calls', () => {
    assert.deepEqual(order({ control: 'c', configured: ['b', 'a'] }), [
      'c:control',
      'b:variant',
      'a:variant',
    ]);
    assert.throws(
      () => order({ control: 'z', configured: [] }),
      /"z" has no calls in the experiment/,
    );
  });

  it('must be named when neither a control variant nor the config tells', () => {
    assert.throws(
      () => order({ configured: [] }),
      (error: unknown) => error instanceof ValidationError && /--control VARIANT/.test(error.fix),
    );
  });
});
