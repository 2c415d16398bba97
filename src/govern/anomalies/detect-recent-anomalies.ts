import type { Dimension } from '../../store/report-spec.ts';
import type { Store } from '../../store/store.ts';
import {
  ANOMALY_METRICS,
  HOURLY_METRICS,
  RUNAWAY_METRICS,
  type Anomaly,
  type AnomalyMetric,
  type HourlyMetric,
  type RunawayMetric,
} from './anomaly.ts';
import { detectHourlyAnomalies } from './detect-hourly-anomalies.ts';
import { detectRunaways } from './detect-runaways.ts';
import { DEFAULT_TUNING, type DetectorTuning } from './detector-tuning.ts';
import { buildHourlyScopeSeries } from './hourly-scope-series.ts';
import { DEFAULT_RUNAWAY_TUNING, type RunawayTuning } from './runaway-tuning.ts';
import { HOUR_MS } from './seasonal-baseline.ts';

const WEEK_MS = 7 * 24 * HOUR_MS;
const DAY_MS = 24 * HOUR_MS;

export interface AnomalyOptions {
  /** Scopes are groups of these dimensions; default team. */
  dimensions?: Dimension[];
  /** Epoch ms, the first hour judged (floored to the hour); default 24 h before `to`. */
  from?: number;
  /** Epoch ms, exclusive (rounded up to the hour); default the end of the last stored hour. */
  to?: number;
  /** Default: every metric. */
  metrics?: readonly AnomalyMetric[];
  tuning?: Partial<DetectorTuning>;
  runawayTuning?: Partial<RunawayTuning>;
}

/**
 * Spikes per scope and runaway traces and virtual keys in [from, to), judged against the
 * weeks before: what `tokenops anomalies`, GET /api/v1/anomalies and the server's periodic
 * governance run call. Sorted by start, then most anomalous first.
 */
export async function detectRecentAnomalies(
  store: Store,
  options: AnomalyOptions = {},
): Promise<Anomaly[]> {
  const window = await evaluationWindow(store, options);
  if (window === undefined) return [];
  const { from, to } = window;
  const metrics = options.metrics ?? ANOMALY_METRICS;
  const tuning = { ...DEFAULT_TUNING, ...options.tuning };
  const runawayTuning = { ...DEFAULT_RUNAWAY_TUNING, ...options.runawayTuning };
  const anomalies: Anomaly[] = [];

  const hourlyMetrics = HOURLY_METRICS.filter((metric: HourlyMetric) => metrics.includes(metric));
  if (hourlyMetrics.length > 0) {
    const historyStart = from - tuning.weeks * WEEK_MS;
    const rows = await store.activityHours({
      dimensions: options.dimensions ?? ['team'],
      from: historyStart,
      to,
    });
    const series = buildHourlyScopeSeries(rows, historyStart, (to - historyStart) / HOUR_MS);
    anomalies.push(...detectHourlyAnomalies(series, { metrics: hourlyMetrics, from, to, tuning }));
  }

  const runawayMetrics = RUNAWAY_METRICS.filter((metric: RunawayMetric) =>
    metrics.includes(metric),
  );
  if (runawayMetrics.length > 0) {
    const historyStart = from - runawayTuning.historyDays * DAY_MS;
    for (const entity of ['trace', 'virtual_key'] as const) {
      const minutes = await store.activityMinutes({ entity, from: historyStart, to });
      anomalies.push(
        ...detectRunaways(minutes, {
          entity,
          metrics: runawayMetrics,
          from,
          to,
          tuning: runawayTuning,
        }),
      );
    }
  }
  return anomalies.sort((left, right) => left.start - right.start || right.score - left.score);
}

/** Whole hours: the given range, or the last 24 stored hours. */
async function evaluationWindow(
  store: Store,
  options: AnomalyOptions,
): Promise<{ from: number; to: number } | undefined> {
  let to = options.to;
  if (to === undefined) {
    const stored = await store.timeRange();
    if (stored === null) return undefined;
    to = stored.to + 1;
  }
  to = Math.ceil(to / HOUR_MS) * HOUR_MS;
  const from = Math.floor((options.from ?? to - DAY_MS) / HOUR_MS) * HOUR_MS;
  return from < to ? { from, to } : undefined;
}
