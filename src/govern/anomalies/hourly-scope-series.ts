import type { ActivityHour } from '../../store/activity-spec.ts';
import type { AnomalyScope, HourlyMetric } from './anomaly.ts';
import { HOUR_MS } from './seasonal-baseline.ts';

/** One scope's metrics hour by hour from `firstHour`, with zeros for hours without calls. */
export interface HourlyScopeSeries {
  scope: AnomalyScope;
  firstHour: number;
  values: Record<HourlyMetric, Float64Array>;
  calls: Float64Array;
}

/** A free-tag dimension (`tag:region`) is the tag `region` in a scope. */
const scopeOf = (keys: Record<string, string>): AnomalyScope =>
  Object.fromEntries(
    Object.entries(keys).map(([dimension, value]) => [dimension.replace(/^tag:/, ''), value]),
  );

/** Lays activity rows out as dense hourly series per scope over `hours` hours from `firstHour`. */
export function buildHourlyScopeSeries(
  rows: readonly ActivityHour[],
  firstHour: number,
  hours: number,
): HourlyScopeSeries[] {
  const byScope = new Map<string, HourlyScopeSeries>();
  for (const row of rows) {
    const index = Math.floor((row.hourStart - firstHour) / HOUR_MS);
    if (index < 0 || index >= hours) continue;
    const name = JSON.stringify(row.keys);
    let series = byScope.get(name);
    if (series === undefined) {
      series = {
        scope: scopeOf(row.keys),
        firstHour,
        values: {
          cost: new Float64Array(hours),
          tokens: new Float64Array(hours),
          active_users: new Float64Array(hours),
        },
        calls: new Float64Array(hours),
      };
      byScope.set(name, series);
    }
    series.values.cost[index] = row.cost;
    series.values.tokens[index] = row.tokens;
    series.values.active_users[index] = row.users;
    series.calls[index] = row.calls;
  }
  return [...byScope.values()];
}
