import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { forecastPeriodEnd, type DailySpend } from './forecast-period-end.ts';
import { DAY_MS, utcDay, utcDayLabel } from './utc-day.ts';

const MARCH = { periodStart: Date.UTC(2026, 2, 1), periodEnd: Date.UTC(2026, 3, 1) };
/** Weekdays 120, weekends 50: a week of 700 whose weekday effects add to zero. */
const weekly = (day: number) => ((day + 4) % 7 === 0 || (day + 4) % 7 === 6 ? 50 : 120);

function series(from: number, to: number, cost: (day: number) => number): DailySpend[] {
  const days: DailySpend[] = [];
  for (let day = utcDay(from); day < utcDay(to); day += 1) {
    days.push({ day: utcDayLabel(day), cost: cost(day) });
  }
  return days;
}

/** A fixed pseudo-random sequence (a linear congruential generator), uniform in [−1, 1). */
function noise(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return (state / 2 ** 31) * 2 - 1;
  };
}

const sum = (days: readonly DailySpend[]) => days.reduce((total, day) => total + day.cost, 0);

describe('forecastPeriodEnd', () => {
  it('continues an exact weekly pattern exactly, with no spread', () => {
    const now = Date.UTC(2026, 2, 15);
    const forecast = forecastPeriodEnd({
      ...MARCH,
      now,
      dailySpend: series(Date.UTC(2026, 1, 1), now, weekly),
    });
    const march = series(MARCH.periodStart, MARCH.periodEnd, weekly);
    assert.equal(forecast.method, 'holt-winters');
    assert.equal(forecast.historyDays, 42);
    assert.equal(forecast.spentToDate, sum(march.slice(0, 14)));
    assert.ok(Math.abs((forecast.forecastTotal ?? 0) - sum(march)) < 1e-6);
    assert.ok(Math.abs((forecast.upper ?? 0) - (forecast.lower ?? 0)) < 1e-6);
    assert.deepEqual(
      forecast.daily.map((day) => [day.day, Math.round(day.expected)]),
      march.slice(14).map((day) => [day.day, day.cost]),
    );
  });

  it('recovers a noisy weekly pattern, the truth inside the interval', () => {
    const random = noise(7);
    const noisy = (day: number) => weekly(day) + 10 * random();
    const now = Date.UTC(2026, 2, 10);
    const forecast = forecastPeriodEnd({
      ...MARCH,
      now,
      dailySpend: series(Date.UTC(2026, 0, 1), now, noisy),
    });
    const expected = sum(series(MARCH.periodStart, MARCH.periodEnd, weekly));
    const total = forecast.forecastTotal ?? 0;
    assert.ok(Math.abs(total - expected) / expected < 0.02, `forecast ${total}, truth ${expected}`);
    assert.ok((forecast.lower ?? 0) < expected && expected < (forecast.upper ?? 0));
    for (const day of forecast.daily) {
      const truth = weekly(utcDay(Date.parse(day.day)));
      assert.ok(Math.abs(day.expected - truth) < 12, `${day.day}: ${day.expected} vs ${truth}`);
      assert.ok(day.lower <= day.expected && day.expected <= day.upper);
    }
    const first = forecast.daily[0];
    const last = forecast.daily.at(-1);
    assert.ok(first && last && last.upper - last.lower > first.upper - first.lower);
  });

  it('counts only the rest of the current day', () => {
    const now = Date.UTC(2026, 2, 15, 12);
    const dailySpend = series(Date.UTC(2026, 1, 1), Date.UTC(2026, 2, 15), weekly);
    dailySpend.push({ day: '2026-03-15', cost: 30 });
    const forecast = forecastPeriodEnd({ ...MARCH, now, dailySpend });
    assert.equal(forecast.historyDays, 42);
    assert.equal(forecast.daily[0]?.day, '2026-03-15');
    // 2026-03-15 is a Sunday: half of 50 is still to come.
    assert.ok(Math.abs((forecast.daily[0]?.expected ?? 0) - 25) < 1e-6);
    assert.equal(forecast.spentToDate, sum(dailySpend.filter((day) => day.day >= '2026-03')));
  });

  it('falls back to simple smoothing on a short history, with a wider interval', () => {
    const now = Date.UTC(2026, 2, 6);
    const dailySpend = [10, 12, 8, 11, 9].map((cost, index) => ({
      day: utcDayLabel(utcDay(MARCH.periodStart) + index),
      cost,
    }));
    const forecast = forecastPeriodEnd({ ...MARCH, now, dailySpend });
    assert.equal(forecast.method, 'simple-smoothing');
    assert.equal(forecast.daily.length, 26);
    const total = forecast.forecastTotal ?? 0;
    assert.ok(total > 50 + 26 * 8 && total < 50 + 26 * 12, `forecast ${total}`);
    const wide = forecastPeriodEnd({ ...MARCH, now, dailySpend, level: 0.95 });
    assert.ok(
      (wide.upper ?? 0) - (wide.lower ?? 0) > (forecast.upper ?? 0) - (forecast.lower ?? 0),
    );
  });

  it('says when the history is too short to forecast', () => {
    const forecast = forecastPeriodEnd({
      ...MARCH,
      now: Date.UTC(2026, 2, 3, 8),
      dailySpend: [
        { day: '2026-03-01', cost: 5 },
        { day: '2026-03-02', cost: 6 },
        { day: '2026-03-03', cost: 1 },
      ],
    });
    assert.equal(forecast.method, 'insufficient-history');
    assert.equal(forecast.spentToDate, 12);
    assert.equal(forecast.forecastTotal, null);
  });

  it('gives the actual total once the period is over', () => {
    const dailySpend = series(MARCH.periodStart, MARCH.periodEnd, weekly);
    const forecast = forecastPeriodEnd({ ...MARCH, now: Date.UTC(2026, 3, 2), dailySpend });
    assert.equal(forecast.method, 'actual');
    assert.equal(forecast.forecastTotal, sum(dailySpend));
    assert.equal(forecast.upper, forecast.lower);
  });

  it('never forecasts negative spend', () => {
    const now = Date.UTC(2026, 2, 15);
    const falling = series(Date.UTC(2026, 1, 1), now, (day) =>
      Math.max(0, 400 - 12 * (day - utcDay(Date.UTC(2026, 1, 1)))),
    );
    const forecast = forecastPeriodEnd({ ...MARCH, now, dailySpend: falling });
    assert.ok(forecast.daily.every((day) => day.lower >= 0 && day.expected >= 0));
    assert.ok((forecast.lower ?? -1) >= forecast.spentToDate);
  });

  it('forecasts a period that has not started from the days before it', () => {
    const now = Date.UTC(2026, 1, 20);
    const forecast = forecastPeriodEnd({
      ...MARCH,
      now,
      dailySpend: series(now - 35 * DAY_MS, now, weekly),
    });
    assert.equal(forecast.spentToDate, 0);
    assert.equal(forecast.daily[0]?.day, '2026-03-01');
    assert.ok(
      Math.abs(
        (forecast.forecastTotal ?? 0) - sum(series(MARCH.periodStart, MARCH.periodEnd, weekly)),
      ) < 1e-6,
    );
  });
});
