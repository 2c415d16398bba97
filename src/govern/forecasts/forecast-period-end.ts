import { errorWeights, pointForecast, type SmoothingModel } from './exponential-smoothing.ts';
import { fitSmoothing } from './fit-smoothing.ts';
import { studentTQuantile, type IntervalLevel } from './student-t-quantile.ts';
import { DAY_MS, utcDay, utcDayLabel, utcDayOfLabel } from './utc-day.ts';

/** Below this many complete days there is nothing to fit. */
export const MIN_HISTORY_DAYS = 3;
/** Two full weeks: the least that separates a weekly season from a trend. */
export const SEASONAL_HISTORY_DAYS = 14;

const HOLT_WINTERS: SmoothingModel = { period: 7, trend: true };
const SIMPLE: SmoothingModel = { period: 0, trend: false };

export interface DailySpend {
  /** YYYY-MM-DD, UTC. */
  day: string;
  cost: number;
}

/** Spend still to come on one day: on the day of `now`, only the rest of that day. */
export interface ForecastDay {
  day: string;
  expected: number;
  lower: number;
  upper: number;
}

export type ForecastMethod =
  'holt-winters' | 'simple-smoothing' | 'actual' | 'insufficient-history';

export interface PeriodForecastInput {
  /** Spend per UTC day up to `now`, the period's days and the history before it (any order). */
  dailySpend: readonly DailySpend[];
  /** Epoch ms at UTC midnight, inclusive. */
  periodStart: number;
  /** Epoch ms at UTC midnight, exclusive. */
  periodEnd: number;
  now: number;
  /** Two-sided coverage of the intervals; 0.8 when unset. */
  level?: IntervalLevel;
}

export interface PeriodForecast {
  method: ForecastMethod;
  level: IntervalLevel;
  /** Complete days (before the day of `now`) the model was fitted on. */
  historyDays: number;
  /** Spend in the period up to `now`. */
  spentToDate: number;
  /** Expected spend over the whole period; null when the history is too short. */
  forecastTotal: number | null;
  lower: number | null;
  upper: number | null;
  /** The period's remaining days, from the day of `now`. */
  daily: ForecastDay[];
}

/**
 * The period-end spend with a prediction interval: additive Holt-Winters with a weekly season
 * on two weeks of complete days or more, simple smoothing on 3 to 13 days, nothing below.
 * See docs/forecasting.md for the interval and its limits.
 */
export function forecastPeriodEnd(input: PeriodForecastInput): PeriodForecast {
  const level = input.level ?? 0.8;
  const today = utcDay(input.now);
  const startDay = utcDay(input.periodStart);
  const endDay = Math.ceil(input.periodEnd / DAY_MS);
  const spend = new Map<number, number>();
  for (const { day, cost } of input.dailySpend) {
    const index = utcDayOfLabel(day);
    spend.set(index, (spend.get(index) ?? 0) + cost);
  }
  let spentToDate = 0;
  for (const [day, cost] of spend) {
    if (day >= startDay && day < endDay && day <= today) spentToDate += cost;
  }
  const history = historyBefore(spend, today);
  const base = { level, historyDays: history.length, spentToDate };
  if (today >= endDay) {
    return {
      ...base,
      method: 'actual',
      forecastTotal: spentToDate,
      lower: spentToDate,
      upper: spentToDate,
      daily: [],
    };
  }
  if (history.length < MIN_HISTORY_DAYS) {
    return {
      ...base,
      method: 'insufficient-history',
      forecastTotal: null,
      lower: null,
      upper: null,
      daily: [],
    };
  }
  const model = history.length >= SEASONAL_HISTORY_DAYS ? HOLT_WINTERS : SIMPLE;
  const fit = fitSmoothing(history, model);
  const degrees = Math.max(1, fit.residuals - (model.trend ? 4 : 1));
  const sigma = Math.sqrt(fit.sse / degrees);
  const quantile = studentTQuantile(level, degrees);
  // Step h forecasts day today − 1 + h; weights are the share of each day still to come.
  const steps = endDay - today;
  const elapsed = (input.now - today * DAY_MS) / DAY_MS;
  const weights = Array.from({ length: steps }, (_, index) => {
    const day = today + index;
    if (day < startDay) return 0;
    return day === today ? 1 - elapsed : 1;
  });
  const carried = errorWeights(fit, model, steps);
  const daily: ForecastDay[] = [];
  let expectedRest = 0;
  let cumulativeSquares = 0;
  weights.forEach((weight, index) => {
    const mean = pointForecast(fit, model, index + 1);
    const spread = quantile * sigma * Math.sqrt(1 + cumulativeSquares);
    cumulativeSquares += (carried[index] ?? 0) ** 2;
    if (weight === 0) return;
    const expected = Math.max(0, weight * mean);
    expectedRest += expected;
    daily.push({
      day: utcDayLabel(today + index),
      expected,
      lower: Math.max(0, weight * (mean - spread)),
      upper: Math.max(0, weight * (mean + spread)),
    });
  });
  const totalSpread = quantile * sigma * Math.sqrt(sumOfSquaredLoadings(weights, carried));
  const forecastTotal = spentToDate + expectedRest;
  return {
    ...base,
    method: model === HOLT_WINTERS ? 'holt-winters' : 'simple-smoothing',
    forecastTotal,
    lower: Math.max(spentToDate, forecastTotal - totalSpread),
    upper: forecastTotal + totalSpread,
    daily,
  };
}

/** Complete days before `today`, from the first with any spend, missing days as zero. */
function historyBefore(spend: ReadonlyMap<number, number>, today: number): number[] {
  const days = [...spend.keys()].filter((day) => day < today);
  if (days.length === 0) return [];
  const first = Math.min(...days);
  return Array.from({ length: today - first }, (_, index) => spend.get(first + index) ?? 0);
}

/**
 * The variance of a weighted sum of future days, in units of σ²: the future error k steps on
 * reaches every later day, so its loading is w_k + Σ_j w_{k+j} c_j and the loadings' squares add.
 */
function sumOfSquaredLoadings(weights: readonly number[], carried: readonly number[]): number {
  let total = 0;
  for (let k = 0; k < weights.length; k += 1) {
    let loading = weights[k] ?? 0;
    for (let j = 1; k + j < weights.length; j += 1)
      loading += (weights[k + j] ?? 0) * (carried[j - 1] ?? 0);
    total += loading * loading;
  }
  return total;
}
