import { anomalyKey, type Anomaly, type HourlyMetric } from './anomaly.ts';
import type { DetectorTuning } from './detector-tuning.ts';
import { groupFlaggedPoints, peakOf, type FlaggedPoint } from './group-flagged-points.ts';
import type { HourlyScopeSeries } from './hourly-scope-series.ts';
import { MAD_TO_SIGMA, median, medianAbsoluteDeviation } from './robust-statistics.ts';
import { HOUR_MS, seasonalBaseline } from './seasonal-baseline.ts';
import { scoreHour } from './score-hour.ts';
import { flagSustainedWindows, type JudgedPoint } from './flag-sustained-windows.ts';

export interface HourlyDetection {
  metrics: readonly HourlyMetric[];
  /** Epoch ms of the first hour judged; hours before it are history only. */
  from: number;
  /** Epoch ms, exclusive. */
  to: number;
  tuning: DetectorTuning;
}

/**
 * Spikes of each scope's cost, tokens or active users in [from, to): each hour scored against
 * its seasonal baseline, anomalous hours grouped into one anomaly per run.
 */
export function detectHourlyAnomalies(
  series: readonly HourlyScopeSeries[],
  detection: HourlyDetection,
): Anomaly[] {
  const { tuning } = detection;
  const anomalies: Anomaly[] = [];
  for (const scopeSeries of series) {
    const first = Math.max(0, Math.round((detection.from - scopeSeries.firstHour) / HOUR_MS));
    const last = Math.round((detection.to - scopeSeries.firstHour) / HOUR_MS);
    for (const metric of detection.metrics) {
      const values = scopeSeries.values[metric];
      const typical = meanOf(values, first);
      // A scope without history has no baseline to be anomalous against.
      if (!(typical > 0)) continue;
      const offset = tuning.logOffset * typical;
      const logs = values.map((value) => Math.log(value + offset));
      const baselines = Array.from({ length: Math.min(last, values.length) }, (_, index) =>
        seasonalBaseline(logs, index, scopeSeries.firstHour, tuning),
      );
      const residuals = baselines.map((baseline, index) =>
        baseline === undefined ? undefined : (logs[index] ?? 0) - baseline.expected,
      );
      const pooledSpread = spreadOf(residuals.slice(0, first));
      const flagged: FlaggedPoint[] = [];
      const judged: (JudgedPoint | undefined)[] = [];
      const expected = new Float64Array(values.length);
      for (let index = first; index < baselines.length; index++) {
        const seasonal = baselines[index];
        if (seasonal === undefined) continue;
        const baseline = {
          ...seasonal,
          expected:
            seasonal.expected + recentLevel(residuals, index, scopeSeries.firstHour, tuning),
        };
        const observed = values[index] ?? 0;
        const counts = metric === 'active_users' ? values : scopeSeries.calls;
        const expectedCount =
          seasonalBaseline(counts, index, scopeSeries.firstHour, tuning)?.expected ?? 0;
        const hour = scoreHour(
          { observed, baseline, pooledSpread, offset, typical, expectedCount },
          tuning,
        );
        expected[index] = hour.expected;
        const point = { index, observed, expected: hour.expected, score: hour.score };
        judged[index] = { ...point, typical };
        if (hour.anomalous) flagged.push(point);
      }
      flagged.push(...flagSustainedWindows(judged, tuning));
      for (const run of groupFlaggedPoints(dedupe(flagged), tuning.mergeGapHours)) {
        anomalies.push(toAnomaly(scopeSeries, metric, run, { observed: values, expected }));
      }
    }
  }
  return anomalies;
}

/** Each index once: an hour can be anomalous alone and within a sustained run. */
function dedupe(points: readonly FlaggedPoint[]): FlaggedPoint[] {
  return [...new Map(points.map((point) => [point.index, point])).values()];
}

/** The scope's mean hour before the judged range: what a material change is measured by. */
function meanOf(values: ArrayLike<number>, to: number): number {
  let sum = 0;
  for (let index = 0; index < to; index++) sum += values[index] ?? 0;
  return to > 0 ? sum / to : 0;
}

/** How far hours usually stray from their own baselines (robust, log scale). */
function spreadOf(residuals: readonly (number | undefined)[]): number {
  const known = residuals.filter((residual) => residual !== undefined);
  if (known.length === 0) return 0;
  return MAD_TO_SIGMA * medianAbsoluteDeviation(known, median(known));
}

/**
 * The recent level against the seasonal baselines (medians of log residuals, so a few spike
 * hours barely move it), within bounds. Up: the smaller of the last day's and the last
 * `levelHours`' levels, so growth lifts the baseline once it has lasted. Down: the level of
 * the day's own last few hours while the last day was quiet — a holiday lowers the baseline
 * as it goes on, and the next morning is not judged against it.
 */
function recentLevel(
  residuals: readonly (number | undefined)[],
  index: number,
  firstHour: number,
  tuning: DetectorTuning,
): number {
  const day = medianOver(residuals, index, 24);
  const long = medianOver(residuals, index, tuning.levelHours);
  if (day === undefined || long === undefined) return 0;
  if (day >= 0) return Math.max(0, Math.min(tuning.maxLevelUp, day, long));
  // Only the day's own hours say it is a quiet one: the day after a holiday starts afresh.
  const hourOfDay = (firstHour / HOUR_MS + index) % 24;
  if (hourOfDay < 2) return 0;
  const lately = medianOver(residuals, index, Math.min(RECOVERY_HOURS, hourOfDay));
  return Math.max(-tuning.maxLevelDown, Math.min(0, lately ?? 0));
}

/** Hours that show a quiet spell has ended. */
const RECOVERY_HOURS = 3;

function medianOver(
  residuals: readonly (number | undefined)[],
  index: number,
  hours: number,
): number | undefined {
  const recent = residuals
    .slice(Math.max(0, index - hours), index)
    .filter((residual) => residual !== undefined);
  return recent.length < hours / 2 ? undefined : median(recent);
}

function toAnomaly(
  series: HourlyScopeSeries,
  metric: HourlyMetric,
  run: readonly FlaggedPoint[],
  hourly: { observed: ArrayLike<number>; expected: ArrayLike<number> },
): Anomaly {
  const peak = peakOf(run);
  const firstIndex = run[0]?.index ?? 0;
  const lastIndex = run[run.length - 1]?.index ?? firstIndex;
  const start = series.firstHour + firstIndex * HOUR_MS;
  let observed = peak?.observed ?? 0;
  let expected = peak?.expected ?? 0;
  if (metric !== 'active_users') {
    // Hours bridged inside the run count too: they are part of the spike's spend.
    observed = 0;
    expected = 0;
    for (let index = firstIndex; index <= lastIndex; index++) {
      observed += hourly.observed[index] ?? 0;
      expected += hourly.expected[index] ?? 0;
    }
  }
  return {
    key: anomalyKey(series.scope, metric, start, 'hour'),
    kind: 'spike',
    scope: series.scope,
    metric,
    start,
    end: series.firstHour + (lastIndex + 1) * HOUR_MS,
    observed,
    expected,
    score: peak?.score ?? 0,
  };
}
