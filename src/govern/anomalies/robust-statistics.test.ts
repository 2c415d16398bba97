import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { median, medianAbsoluteDeviation, quantile } from './robust-statistics.ts';

describe('robust statistics', () => {
  it('takes medians of odd and even counts, unmoved by one huge value', () => {
    assert.equal(median([3, 1, 2]), 2);
    assert.equal(median([4, 1, 3, 2]), 2.5);
    assert.equal(median([10, 11, 9, 10, 10_000]), 10);
    assert.ok(Number.isNaN(median([])));
  });

  it('measures spread as the median absolute deviation', () => {
    // Deviations from 10: 0, 1, 1, 0, 9,990 → median 1.
    assert.equal(medianAbsoluteDeviation([10, 11, 9, 10, 10_000], 10), 1);
  });

  it('interpolates quantiles between order statistics', () => {
    assert.equal(quantile([0, 10, 20, 30, 40], 0.9), 36);
    assert.equal(quantile([5], 0.99), 5);
  });
});
