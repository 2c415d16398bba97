import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ReportRow, ReportSpec } from '../../store/report-spec.ts';
import { forecastScopes } from './forecast-scopes.ts';
import { utcDay, utcDayLabel } from './utc-day.ts';

const ZERO = {
  requests: 1,
  input_tokens: 0,
  output_tokens: 0,
  cache_read_tokens: 0,
  cache_write_tokens: 0,
  reasoning_tokens: 0,
  list_cost: 0,
};

/** Search spends 10 a day, support 3 a day (from 2026-02-01 to 2026-03-14). */
function fakeStore() {
  const specs: ReportSpec[] = [];
  const rows: ReportRow[] = [];
  for (let day = utcDay(Date.UTC(2026, 1, 1)); day < utcDay(Date.UTC(2026, 2, 15)); day += 1) {
    rows.push({ ...ZERO, team: 'search', period: utcDayLabel(day), cost: 10 });
    rows.push({ ...ZERO, team: 'support', period: utcDayLabel(day), cost: 3 });
  }
  return {
    specs,
    report: (spec: ReportSpec) => {
      specs.push(spec);
      return Promise.resolve(rows);
    },
  };
}

describe('forecastScopes', () => {
  it('forecasts each scope of the month from the daily cost report', async () => {
    const store = fakeStore();
    const now = Date.UTC(2026, 2, 15);
    const rows = await forecastScopes(store, {
      by: ['team'],
      where: [{ dimension: 'environment', value: 'prod' }],
      month: '2026-03',
      now,
    });
    assert.deepEqual(store.specs[0], {
      dimensions: ['team'],
      metric: 'cost',
      grain: 'day',
      from: now - 91 * 86_400_000,
      to: now,
      filters: [{ dimension: 'environment', value: 'prod' }],
    });
    assert.deepEqual(
      rows.map((row) => [row.team, row.spent_to_date, row.forecast_total, row.method]),
      [
        ['search', 140, 310, 'holt-winters'],
        ['support', 42, 93, 'holt-winters'],
      ],
    );
    assert.equal(rows[0]?.daily.length, 17);
    assert.equal(rows[0]?.as_of, '2026-03-15T00:00:00.000Z');
  });
});
