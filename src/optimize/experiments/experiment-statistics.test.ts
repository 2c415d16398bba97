import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Interval } from './interval.ts';
import { meanDifference, meanInterval, studentT975 } from './mean-interval.ts';
import { proportionDifference, wilsonInterval } from './wilson-interval.ts';

// Reference values: scipy.stats (t quantiles) and the published examples named below.
const near = (actual: Interval | null, expected: [number, number, number], digits = 1e-6) => {
  assert.ok(actual, 'no interval');
  const got = [actual.estimate, actual.lower, actual.upper];
  got.forEach((value, index) =>
    assert.ok(
      Math.abs(value - (expected[index] ?? NaN)) < digits,
      `${got.join(', ')} is not ${expected.join(', ')}`,
    ),
  );
};

describe('wilsonInterval', () => {
  it('gives the score interval of 8 successes in 10', () => {
    // center (0.8 + 1.92/10) / 1.384 = 0.7167, half 1.416 × √(0.016 + 0.0096) = 0.2266
    near(wilsonInterval(8, 10), [0.8, 0.490162, 0.943318]);
  });

  it('stays inside [0, 1] with no successes, and has none without trials', () => {
    near(wilsonInterval(0, 10), [0, 0, 0.277533]);
    assert.equal(wilsonInterval(0, 0), null);
  });
});

describe('proportionDifference', () => {
  it('reproduces Newcombe (1998), method 10: 56/70 against 48/80', () => {
    near(
      proportionDifference({ successes: 56, trials: 70 }, { successes: 48, trials: 80 }),
      [0.2, 0.052431, 0.333873],
    );
  });

  it('is null while either side has no outcome', () => {
    assert.equal(
      proportionDifference({ successes: 0, trials: 0 }, { successes: 5, trials: 9 }),
      null,
    );
  });
});

describe('studentT975', () => {
  it('reads the table up to 30 degrees of freedom, rounding fractions down', () => {
    assert.equal(studentT975(1), 12.706205);
    assert.equal(studentT975(2.9), 4.302653);
    assert.equal(studentT975(30), 2.042272);
  });

  it('expands around the normal quantile above 30', () => {
    for (const [degrees, expected] of [
      [31, 2.039513],
      [60, 2.000298],
      [1000, 1.962339],
    ] as const) {
      assert.ok(Math.abs(studentT975(degrees) - expected) < 1e-6, `t(${degrees})`);
    }
  });
});

// Scores 4,5,5,4,5,4,5,5 (sum 37, squares 173) and 3,4,4,3,4,5,3,4 (sum 30, squares 116).
const high = { count: 8, sum: 37, squareSum: 173 };
const low = { count: 8, sum: 30, squareSum: 116 };

describe('meanInterval', () => {
  it('is the mean ± t(7) standard errors', () => {
    // variance (173 − 37²/8) / 7 = 0.267857; 2.364624 × √(0.267857 / 8) = 0.432682
    near(meanInterval(high), [4.625, 4.192318, 5.057682]);
  });

  it('needs two scores', () => {
    assert.equal(meanInterval({ count: 1, sum: 4, squareSum: 16 }), null);
  });
});

describe('meanDifference', () => {
  it('is Welch’s interval, its fractional degrees of freedom rounded down', () => {
    // variances 0.267857 and 0.5; se √(0.033482 + 0.0625) = 0.309809; df 12.83 → t(12) 2.178813
    near(meanDifference(high, low), [0.875, 0.199982, 1.550018]);
  });

  it('narrows as the counts are scaled up at the same means and variances', () => {
    const now = meanDifference(high, low);
    const later = meanDifference(high, low, 4);
    assert.ok(now && later);
    assert.ok(later.upper - later.lower < (now.upper - now.lower) / 2);
    assert.equal(later.estimate, now.estimate);
  });
});
