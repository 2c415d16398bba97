import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { HOUR_MS, seasonalWeight, utcDayOfWeek, utcHourOfDay, WEEK_MS } from './seasonality.ts';

const MONDAY = Date.UTC(2025, 8, 29);

describe('seasonality', () => {
  it('reads the UTC weekday and hour without Date objects', () => {
    assert.equal(utcDayOfWeek(MONDAY), 1);
    assert.equal(utcDayOfWeek(Date.UTC(2025, 9, 5, 23, 59)), 0);
    assert.equal(utcHourOfDay(MONDAY + 14 * HOUR_MS + 59 * 60_000), 14);
  });

  it('averages 1 per hour over a week for every pattern', () => {
    for (const pattern of ['office-hours', 'customer-facing', 'nightly', 'nightly-bulk'] as const) {
      let sum = 0;
      for (let hour = MONDAY; hour < MONDAY + WEEK_MS; hour += HOUR_MS) {
        sum += seasonalWeight(pattern, hour);
      }
      assert.ok(Math.abs(sum / 168 - 1) < 1e-9, `${pattern}: ${sum / 168}`);
    }
  });

  it('runs nightly jobs at 02:00 UTC only', () => {
    assert.ok(seasonalWeight('nightly', MONDAY + 2 * HOUR_MS) > 0);
    assert.equal(seasonalWeight('nightly', MONDAY + 3 * HOUR_MS), 0);
  });

  it('makes a working hour busier than the night and a weekday busier than Sunday', () => {
    const tenOClock = MONDAY + 10 * HOUR_MS;
    assert.ok(
      seasonalWeight('office-hours', tenOClock) > 5 * seasonalWeight('office-hours', MONDAY),
    );
    const sunday = tenOClock + 6 * 24 * HOUR_MS;
    assert.ok(
      seasonalWeight('office-hours', tenOClock) > 3 * seasonalWeight('office-hours', sunday),
    );
  });
});
