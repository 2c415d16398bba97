/**
 * The forecast backtest of issue 7: 13 weeks of the demo workload in a DuckDB store, then for
 * each cut-off (the 8th, 15th and 22nd of September and October) the month-end forecast from
 * the data before it, per team and for the whole org, scored against what followed. Two
 * baselines show what the model adds: the same weekday a week earlier (daily) and the run rate
 * (spend so far ÷ days elapsed × days in the month, the usual FinOps projection).
 */
import { join } from 'node:path';
import { buildPricer } from '../src/cli/build-pricer.ts';
import { configSchema } from '../src/config/index.ts';
import { generateDemoWorkload } from '../src/demo/index.ts';
import type { PricedUsageEvent } from '../src/domain/usage-event.ts';
import { forecastScopes, type ForecastRow } from '../src/govern/index.ts';
import { DuckDbStore } from '../src/store/duckdb/duckdb-store.ts';
import type { Store } from '../src/store/store.ts';

const DAY_MS = 86_400_000;
const WORKLOAD = { days: 91, seed: 42, end: Date.UTC(2026, 10, 1), eventsPerDay: 10_000 };
const CUT_OFFS = [8, 15, 22].flatMap((day) => [Date.UTC(2026, 8, day), Date.UTC(2026, 9, day)]);

interface Case {
  /** |forecast − actual| ÷ actual of each remaining day. */
  dailyErrors: number[];
  naiveDailyErrors: number[];
  totalError: number;
  runRateTotalError: number;
  covered: boolean;
}

export interface ForecastBenchResult {
  workload: string;
  cases: number;
  mape_daily: number;
  mape_daily_next_7_days: number;
  seasonal_naive_mape_daily: number;
  month_total_error: number;
  run_rate_month_total_error: number;
  interval_80_coverage: number;
  org_month_total_error: number;
  seconds: number;
}

export async function runForecastBench(directory: string): Promise<ForecastBenchResult> {
  const started = performance.now();
  const store = await DuckDbStore.open(join(directory, 'forecast.duckdb'));
  try {
    const pricer = buildPricer(configSchema.parse({}));
    for (const batch of generateDemoWorkload(WORKLOAD, 50_000)) {
      for (const event of batch as PricedUsageEvent[]) event.pricing = pricer.price(event);
      await store.appendNew(batch as PricedUsageEvent[]);
    }
    const cases: Case[] = [];
    const orgCases: Case[] = [];
    for (const cutOff of CUT_OFFS) {
      for (const by of [[], ['team']] as const) {
        const month = new Date(cutOff).toISOString().slice(0, 7);
        const forecasts = await forecastScopes(store, {
          by: [...by],
          where: [],
          month,
          now: cutOff,
        });
        const actual = await actualDays(store, by.length > 0, month);
        for (const row of forecasts) {
          const scope = typeof row.team === 'string' ? row.team : '';
          const scored = score(row, actual.get(scope) ?? new Map(), cutOff);
          if (!scored) continue;
          (by.length > 0 ? cases : orgCases).push(scored);
        }
      }
    }
    const all = [...cases, ...orgCases];
    return {
      workload: `demo, ${WORKLOAD.days} days to 2026-10-31, ${WORKLOAD.eventsPerDay} events a day, seed ${WORKLOAD.seed}; cut-offs on the 8th, 15th and 22nd of Sep and Oct; org and per team`,
      cases: all.length,
      mape_daily: percent(mean(all.flatMap((item) => item.dailyErrors))),
      mape_daily_next_7_days: percent(mean(all.flatMap((item) => item.dailyErrors.slice(0, 7)))),
      seasonal_naive_mape_daily: percent(mean(all.flatMap((item) => item.naiveDailyErrors))),
      month_total_error: percent(mean(all.map((item) => item.totalError))),
      run_rate_month_total_error: percent(mean(all.map((item) => item.runRateTotalError))),
      interval_80_coverage: percent(all.filter((item) => item.covered).length / all.length),
      org_month_total_error: percent(mean(orgCases.map((item) => item.totalError))),
      seconds: Math.round((performance.now() - started) / 100) / 10,
    };
  } finally {
    await store.close();
  }
}

/** Actual spend per scope ('' for the org) and day of the month. */
async function actualDays(
  store: Store,
  byTeam: boolean,
  month: string,
): Promise<Map<string, Map<string, number>>> {
  const from = Date.parse(`${month}-01T00:00:00Z`);
  const rows = await store.report({
    dimensions: byTeam ? ['team'] : [],
    metric: 'cost',
    grain: 'day',
    from: from - 7 * DAY_MS,
    to: Date.UTC(new Date(from).getUTCFullYear(), new Date(from).getUTCMonth() + 1, 1),
    filters: [],
  });
  const scopes = new Map<string, Map<string, number>>();
  for (const row of rows) {
    const scope = byTeam ? String(row.team) : '';
    const days = scopes.get(scope) ?? new Map<string, number>();
    days.set(String(row.period), row.cost);
    scopes.set(scope, days);
  }
  return scopes;
}

function score(row: ForecastRow, days: ReadonlyMap<string, number>, cutOff: number): Case | null {
  if (row.forecast_total === null || row.forecast_lower === null || row.forecast_upper === null) {
    return null;
  }
  const dailyErrors: number[] = [];
  const naiveDailyErrors: number[] = [];
  for (const day of row.daily) {
    const actual = days.get(day.day) ?? 0;
    if (actual <= 0) continue;
    dailyErrors.push(Math.abs(day.expected - actual) / actual);
    const naive = lastWeekday(days, day.day, cutOff);
    naiveDailyErrors.push(Math.abs(naive - actual) / actual);
  }
  const monthStart = `${row.month}-01`;
  const total = [...days]
    .filter(([day]) => day >= monthStart)
    .reduce((sum, [, cost]) => sum + cost, 0);
  const elapsed = (cutOff - Date.parse(`${monthStart}T00:00:00Z`)) / DAY_MS;
  const runRate = (row.spent_to_date / elapsed) * (elapsed + row.daily.length);
  return {
    dailyErrors,
    naiveDailyErrors,
    totalError: Math.abs(row.forecast_total - total) / total,
    runRateTotalError: Math.abs(runRate - total) / total,
    covered: row.forecast_lower <= total && total <= row.forecast_upper,
  };
}

/** The seasonal naive forecast: the same weekday in the last week before the cut-off. */
function lastWeekday(days: ReadonlyMap<string, number>, day: string, cutOff: number): number {
  let time = Date.parse(day);
  while (time >= cutOff) time -= 7 * DAY_MS;
  return days.get(new Date(time).toISOString().slice(0, 10)) ?? 0;
}

function mean(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / Math.max(1, values.length);
}

function percent(fraction: number): number {
  return Math.round(fraction * 10_000) / 100;
}
