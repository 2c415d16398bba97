import type { ActivityMinute, RunawayEntity } from '../../store/activity-spec.ts';
import {
  anomalyKey,
  RUNAWAY_METRICS,
  type Anomaly,
  type AnomalyScope,
  type RunawayMetric,
} from './anomaly.ts';
import { groupFlaggedPoints, peakOf, type FlaggedPoint } from './group-flagged-points.ts';
import { MAD_TO_SIGMA, median, medianAbsoluteDeviation, quantile } from './robust-statistics.ts';
import type { RunawayTuning } from './runaway-tuning.ts';
import { MINUTE_MS, slidingRates } from './sliding-rates.ts';

export interface RunawayDetection {
  entity: RunawayEntity;
  metrics: readonly RunawayMetric[];
  /** Epoch ms of the first minute judged; earlier minutes are history only. */
  from: number;
  /** Epoch ms, exclusive. */
  to: number;
  tuning: RunawayTuning;
}

interface EntityMinutes {
  name: string;
  feature: string | null;
  rows: ActivityMinute[];
}

const HOUR_MS = 60 * MINUTE_MS;
const ALL_TRACES = '*';

/**
 * Traces or virtual keys whose calls or tokens per minute leap past their history. A key is
 * compared with its own peaks per hour over the history; a trace, short-lived, with the
 * peaks of earlier traces of the same feature (of all traces when its feature has too few).
 */
export function detectRunaways(
  minutes: readonly ActivityMinute[],
  detection: RunawayDetection,
): Anomaly[] {
  const entities = groupByEntity(minutes);
  const history = collectHistory(entities, detection);
  const anomalies: Anomaly[] = [];
  for (const entity of entities) {
    const last = entity.rows[entity.rows.length - 1];
    if (last === undefined || last.minuteStart < detection.from) continue;
    const flagged = new Map<RunawayMetric, Map<number, FlaggedPoint & { window: number }>>();
    for (const window of detection.tuning.windowsMinutes) {
      const judgedFrom = Math.max(
        detection.from,
        detection.entity === 'trace'
          ? (entity.rows[0]?.minuteStart ?? 0) + detection.tuning.minTraceMinutes * MINUTE_MS
          : detection.from,
      );
      const rates = slidingRates(entity.rows, window).filter(
        (rate) => rate.minute >= judgedFrom && rate.minute < detection.to,
      );
      for (const metric of detection.metrics) {
        const samples = baselineSamples(history, entity, detection, metric, window);
        if (samples === undefined) continue;
        const expected = median(samples);
        const spread = Math.max(
          MAD_TO_SIGMA * medianAbsoluteDeviation(samples, expected),
          0.1 * expected,
        );
        const limit = Math.max(
          quantile(samples, detection.tuning.historyQuantile),
          detection.tuning.minRatio * expected,
        );
        if (!(spread > 0)) continue;
        const points = flagged.get(metric) ?? new Map<number, FlaggedPoint & { window: number }>();
        flagged.set(metric, points);
        for (const { minute, rates: observed } of rates) {
          const score = (observed[metric] - expected) / spread;
          if (observed[metric] <= limit || score < detection.tuning.threshold) continue;
          const index = minute / MINUTE_MS;
          const best = points.get(index);
          if (best !== undefined && best.score >= score) continue;
          points.set(index, { index, observed: observed[metric], expected, score, window });
        }
      }
    }
    for (const [metric, points] of flagged) {
      const maxGap = Math.max(...detection.tuning.windowsMinutes);
      for (const run of groupFlaggedPoints([...points.values()], maxGap)) {
        anomalies.push(toAnomaly(entity, detection.entity, metric, run, points));
      }
    }
  }
  return anomalies;
}

function groupByEntity(minutes: readonly ActivityMinute[]): EntityMinutes[] {
  const byName = new Map<string, EntityMinutes>();
  for (const row of minutes) {
    let entity = byName.get(row.entity);
    if (entity === undefined) {
      entity = { name: row.entity, feature: null, rows: [] };
      byName.set(row.entity, entity);
    }
    entity.feature ??= row.feature;
    entity.rows.push(row);
  }
  for (const entity of byName.values()) {
    entity.rows.sort((left, right) => left.minuteStart - right.minuteStart);
  }
  return [...byName.values()];
}

const sampleName = (baseline: string, metric: RunawayMetric, window: number) =>
  `${baseline}|${metric}|${window}`;

/** Peak rates before `from`: one per earlier trace, or one per hour a key was used. */
function collectHistory(
  entities: readonly EntityMinutes[],
  detection: RunawayDetection,
): Map<string, number[]> {
  const samples = new Map<string, number[]>();
  const add = (name: string, value: number) => {
    const list = samples.get(name) ?? [];
    list.push(value);
    samples.set(name, list);
  };
  for (const entity of entities) {
    const last = entity.rows[entity.rows.length - 1];
    if (detection.entity === 'trace' && (last === undefined || last.minuteStart >= detection.from))
      continue;
    for (const window of detection.tuning.windowsMinutes) {
      const peaks = new Map<number, Record<RunawayMetric, number>>();
      for (const { minute, rates } of slidingRates(entity.rows, window)) {
        if (minute >= detection.from) break;
        const bucket = detection.entity === 'trace' ? 0 : Math.floor(minute / HOUR_MS);
        const peak = peaks.get(bucket) ?? { calls_per_minute: 0, tokens_per_minute: 0 };
        for (const metric of RUNAWAY_METRICS) peak[metric] = Math.max(peak[metric], rates[metric]);
        peaks.set(bucket, peak);
      }
      for (const peak of peaks.values()) {
        for (const metric of RUNAWAY_METRICS) {
          if (detection.entity === 'virtual_key') {
            add(sampleName(entity.name, metric, window), peak[metric]);
            continue;
          }
          add(sampleName(`feature:${entity.feature ?? ''}`, metric, window), peak[metric]);
          add(sampleName(ALL_TRACES, metric, window), peak[metric]);
        }
      }
    }
  }
  return samples;
}

function baselineSamples(
  history: ReadonlyMap<string, number[]>,
  entity: EntityMinutes,
  detection: RunawayDetection,
  metric: RunawayMetric,
  window: number,
): number[] | undefined {
  const enough = (samples: number[] | undefined) =>
    samples !== undefined && samples.length >= detection.tuning.minSamples ? samples : undefined;
  if (detection.entity === 'virtual_key') {
    return enough(history.get(sampleName(entity.name, metric, window)));
  }
  return (
    enough(history.get(sampleName(`feature:${entity.feature ?? ''}`, metric, window))) ??
    enough(history.get(sampleName(ALL_TRACES, metric, window)))
  );
}

function toAnomaly(
  entity: EntityMinutes,
  kind: RunawayEntity,
  metric: RunawayMetric,
  run: readonly FlaggedPoint[],
  points: ReadonlyMap<number, { window: number }>,
): Anomaly {
  const peak = peakOf(run);
  const first = run[0];
  const last = run[run.length - 1];
  const firstWindow = points.get(first?.index ?? 0)?.window ?? 1;
  const entityStart = entity.rows[0]?.minuteStart ?? 0;
  // The run is flagged at the end of its first window: it began when that window did.
  const start = Math.max(entityStart, ((first?.index ?? 0) - firstWindow + 1) * MINUTE_MS);
  const scope: AnomalyScope =
    kind === 'trace' ? { trace: entity.name } : { virtual_key: entity.name };
  return {
    key: anomalyKey(scope, metric, start, 'minute'),
    kind: 'runaway',
    scope,
    metric,
    start,
    end: ((last?.index ?? 0) + 1) * MINUTE_MS,
    observed: peak?.observed ?? 0,
    expected: peak?.expected ?? 0,
    score: peak?.score ?? 0,
    windowMinutes: points.get(peak?.index ?? 0)?.window ?? 0,
  };
}
