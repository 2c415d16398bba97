import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_TUNING } from './detector-tuning.ts';
import { HOUR_MS, seasonalBaseline } from './seasonal-baseline.ts';

/** Monday 2 November 2026. */
const MONDAY = Date.UTC(2026, 10, 2);
const tuning = { ...DEFAULT_TUNING, weeks: 2, days: 7, minSamples: 3 };

describe('seasonalBaseline', () => {
  it('reads the same weekday and hour in earlier weeks and the same hour on weekdays only', () => {
    // 15 days: each value is its day number ×100 + hour, so the samples can be read back.
    const values = Array.from({ length: 15 * 24 }, (_, index) => {
      const day = Math.floor(index / 24);
      return day * 100 + (index % 24);
    });
    // Day 14 (a Monday), 10:00: weeks back are days 7 and 0; days back 1–6 that are weekdays
    // are days 13 (Sunday), 12 (Saturday) excluded → 11, 10, 9, 8.
    const baseline = seasonalBaseline(values, 14 * 24 + 10, MONDAY, tuning);
    assert.ok(baseline);
    assert.equal(baseline.samples, 6);
    // Samples 710, 10, 1110, 1010, 910, 810 → median of 10, 710, 810, 910, 1010, 1110 = 860.
    assert.equal(baseline.expected, 860);
  });

  it('never reads the hour judged, so a spike cannot raise its own baseline', () => {
    const values = new Array<number>(15 * 24).fill(1);
    values[14 * 24 + 10] = 1_000;
    assert.equal(seasonalBaseline(values, 14 * 24 + 10, MONDAY, tuning)?.expected, 1);
  });

  it('needs enough earlier hours', () => {
    assert.equal(seasonalBaseline([1, 2, 3], 2, MONDAY, tuning), undefined);
    assert.equal(HOUR_MS, 3_600_000);
  });
});
