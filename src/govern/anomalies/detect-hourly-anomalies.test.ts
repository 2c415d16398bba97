import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ActivityHour } from '../../store/activity-spec.ts';
import { detectHourlyAnomalies } from './detect-hourly-anomalies.ts';
import { DEFAULT_TUNING } from './detector-tuning.ts';
import { buildHourlyScopeSeries } from './hourly-scope-series.ts';
import { HOUR_MS } from './seasonal-baseline.ts';

/** Monday 2 November 2026. */
const START = Date.UTC(2026, 10, 2);
const WEEKS = 5;
const HOURS = WEEKS * 7 * 24;
const JUDGED_FROM = START + 4 * 7 * 24 * HOUR_MS;

/** Office hours on weekdays ($10 an hour, 100 calls), little at night and at weekends. */
function hourOf(index: number): { cost: number; calls: number } {
  const day = Math.floor(index / 24) % 7;
  const hour = index % 24;
  const busy = day < 5 && hour >= 8 && hour < 18;
  // A deterministic wobble of ±5 %, so the spread is not zero.
  const wobble = 1 + 0.05 * Math.sin(index * 1.7);
  return busy ? { cost: 10 * wobble, calls: 100 } : { cost: 1 * wobble, calls: 10 };
}

function rows(change: (index: number, cost: number) => number): ActivityHour[] {
  return Array.from({ length: HOURS }, (_, index) => {
    const { cost, calls } = hourOf(index);
    const changed = change(index, cost);
    return {
      keys: { team: 'search' },
      hourStart: START + index * HOUR_MS,
      calls,
      cost: changed,
      tokens: changed * 1000,
      users: 5,
    };
  });
}

const detect = (activity: ActivityHour[]) =>
  detectHourlyAnomalies(buildHourlyScopeSeries(activity, START, HOURS), {
    metrics: ['cost', 'active_users'],
    from: JUDGED_FROM,
    to: START + HOURS * HOUR_MS,
    tuning: DEFAULT_TUNING,
  });

/** Tuesday of the judged week, 13:00 and 14:00. */
const SPIKE = 4 * 7 * 24 + 24 + 13;

describe('detectHourlyAnomalies', () => {
  it('finds nothing in a series that only follows its weekly season', () => {
    assert.deepEqual(detect(rows((_index, cost) => cost)), []);
  });

  it('groups two spiking hours into one anomaly with summed cost', () => {
    const spiked = rows((index, cost) =>
      index === SPIKE || index === SPIKE + 1 ? cost * 4 : cost,
    );
    const [anomaly, ...rest] = detect(spiked);
    assert.deepEqual(rest, []);
    assert.ok(anomaly);
    assert.equal(anomaly.metric, 'cost');
    assert.deepEqual(anomaly.scope, { team: 'search' });
    assert.equal(anomaly.start, START + SPIKE * HOUR_MS);
    assert.equal(anomaly.end, START + (SPIKE + 2) * HOUR_MS);
    assert.equal(anomaly.key, 'anomaly:team=search:cost:2026-12-01T13');
    // Both hours' cost, against the weekday office-hour level of about $10 each.
    const observed = (hourOf(SPIKE).cost + hourOf(SPIKE + 1).cost) * 4;
    assert.ok(Math.abs(anomaly.observed - observed) < 1e-9);
    assert.ok(anomaly.expected > 19 && anomaly.expected < 21, String(anomaly.expected));
    assert.ok(anomaly.score >= DEFAULT_TUNING.threshold);
  });

  it('is not blinded by the same spike a week earlier (medians ignore it)', () => {
    const twice = rows((index, cost) =>
      index === SPIKE || index === SPIKE - 7 * 24 ? cost * 4 : cost,
    );
    // The earlier spike is in history (not judged); the later one is still found.
    assert.equal(detect(twice).length, 1);
  });

  it('does not flag a night hour whose change is immaterial to the scope', () => {
    // 03:00 goes from $1 to $2: double, but a tenth of a busy hour.
    const night = 4 * 7 * 24 + 24 + 3;
    assert.deepEqual(detect(rows((index, cost) => (index === night ? cost * 2 : cost))), []);
  });
});
