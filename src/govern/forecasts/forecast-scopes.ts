import { parsePeriod } from '../../analytics/index.ts';
import type { Dimension, ReportFilter } from '../../store/report-spec.ts';
import type { Store } from '../../store/store.ts';
import {
  forecastPeriodEnd,
  type DailySpend,
  type ForecastDay,
  type ForecastMethod,
} from './forecast-period-end.ts';
import type { IntervalLevel } from './student-t-quantile.ts';
import { DAY_MS, utcDay } from './utc-day.ts';

/** Thirteen weeks: enough weekly cycles to fit a season, recent enough to follow a change. */
const HISTORY_DAYS = 91;

export interface ForecastScopesRequest {
  /** The scope: one forecast per combination of these dimensions' values; none = the org. */
  by: Dimension[];
  where: ReportFilter[];
  /** The month forecast, YYYY-MM (UTC). */
  month: string;
  /** The as-of instant, epoch ms: data after it is ignored. */
  now: number;
  level?: IntervalLevel;
}

/** One scope's month, as `tokenops forecast --format json` and GET /api/v1/forecast give it. */
export interface ForecastRow {
  [dimension: string]: string | number | null | ForecastDay[];
  month: string;
  as_of: string;
  method: ForecastMethod;
  history_days: number;
  spent_to_date: number;
  forecast_total: number | null;
  forecast_lower: number | null;
  forecast_upper: number | null;
  interval_level: number;
  daily: ForecastDay[];
}

/** Month-end spend per scope, from the daily cost report: highest forecast first. */
export async function forecastScopes(
  store: Pick<Store, 'report'>,
  request: ForecastScopesRequest,
): Promise<ForecastRow[]> {
  const { from: periodStart, to: periodEnd } = parsePeriod(request.month, 'month');
  const historyStart = (utcDay(request.now) - HISTORY_DAYS) * DAY_MS;
  const rows = await store.report({
    dimensions: request.by,
    metric: 'cost',
    grain: 'day',
    from: Math.min(historyStart, periodStart),
    to: Math.min(request.now, periodEnd),
    filters: request.where,
  });
  const scopes = new Map<string, { scope: Record<string, string>; days: DailySpend[] }>();
  for (const row of rows) {
    const scope = Object.fromEntries(
      request.by.map((dimension) => [dimension, String(row[dimension])]),
    );
    const key = JSON.stringify(scope);
    const entry = scopes.get(key) ?? { scope, days: [] };
    entry.days.push({ day: String(row.period), cost: row.cost });
    scopes.set(key, entry);
  }
  const forecasts = [...scopes.values()].map(({ scope, days }) => {
    const forecast = forecastPeriodEnd({
      dailySpend: days,
      periodStart,
      periodEnd,
      now: request.now,
      ...(request.level ? { level: request.level } : {}),
    });
    const row: ForecastRow = {
      ...scope,
      month: request.month,
      as_of: new Date(request.now).toISOString(),
      method: forecast.method,
      history_days: forecast.historyDays,
      spent_to_date: money(forecast.spentToDate),
      forecast_total: nullableMoney(forecast.forecastTotal),
      forecast_lower: nullableMoney(forecast.lower),
      forecast_upper: nullableMoney(forecast.upper),
      interval_level: forecast.level,
      daily: forecast.daily.map((day) => ({
        day: day.day,
        expected: money(day.expected),
        lower: money(day.lower),
        upper: money(day.upper),
      })),
    };
    return row;
  });
  return forecasts.sort(
    (left, right) =>
      (right.forecast_total ?? -1) - (left.forecast_total ?? -1) ||
      right.spent_to_date - left.spent_to_date,
  );
}

/** Forecasts are estimates: micro-dollars are more precision than they carry. */
function money(amount: number): number {
  return Math.round(amount * 1e6) / 1e6;
}

function nullableMoney(amount: number | null): number | null {
  return amount === null ? null : money(amount);
}
