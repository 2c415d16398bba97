/**
 * Precision and recall of spike detection on the generated set of bench/anomaly-set.ts, and
 * of runaway detection on bench/runaway-set.ts (issue 7; target both ≥ 0.9). An injected
 * spike is found when a detected anomaly of the same team and metric overlaps its hours; a
 * runaway, when a runaway of the same trace or key overlaps its minutes. A detection
 * overlapping nothing injected is a false positive.
 */
import { HOURLY_METRICS, RUNAWAY_METRICS, type Anomaly } from '../src/govern/anomalies/anomaly.ts';
import { detectRunaways } from '../src/govern/anomalies/detect-runaways.ts';
import { DEFAULT_RUNAWAY_TUNING } from '../src/govern/anomalies/runaway-tuning.ts';
import type { RunawayEntity } from '../src/store/activity-spec.ts';
import { generateRunawaySet, type InjectedRunaway } from './runaway-set.ts';
import { detectHourlyAnomalies } from '../src/govern/anomalies/detect-hourly-anomalies.ts';
import { DEFAULT_TUNING } from '../src/govern/anomalies/detector-tuning.ts';
import { buildHourlyScopeSeries } from '../src/govern/anomalies/hourly-scope-series.ts';
import { HOUR_MS } from '../src/govern/anomalies/seasonal-baseline.ts';
import { generateAnomalySet } from './anomaly-set.ts';

export interface DetectionFigures {
  injected: number;
  detected: number;
  true_positives: number;
  found: number;
  precision: number;
  recall: number;
}

export interface AnomalyBenchResult extends DetectionFigures {
  seed: number;
  target: number;
  runaways: DetectionFigures;
}

export function runAnomalyBench(seed = 42): Promise<AnomalyBenchResult> {
  const set = generateAnomalySet(seed);
  const series = buildHourlyScopeSeries(set.rows, set.start, (set.end - set.start) / HOUR_MS);
  const detected = detectHourlyAnomalies(series, {
    metrics: HOURLY_METRICS,
    from: set.evaluateFrom,
    to: set.end,
    tuning: DEFAULT_TUNING,
  });
  const truth = set.injected
    .filter((anomaly) => anomaly.start >= set.evaluateFrom)
    .flatMap((anomaly) => anomaly.metrics.map((metric) => ({ ...anomaly, metric })));
  const overlaps = (
    detection: (typeof detected)[number],
    injected: (typeof truth)[number],
  ): boolean =>
    detection.scope.team === injected.team &&
    detection.metric === injected.metric &&
    detection.start < injected.end &&
    injected.start < detection.end;
  const truePositives = detected.filter((detection) =>
    truth.some((injected) => overlaps(detection, injected)),
  ).length;
  const found = truth.filter((injected) =>
    detected.some((detection) => overlaps(detection, injected)),
  ).length;
  return Promise.resolve({
    seed,
    injected: truth.length,
    detected: detected.length,
    true_positives: truePositives,
    found,
    precision: round(detected.length === 0 ? 1 : truePositives / detected.length),
    recall: round(truth.length === 0 ? 1 : found / truth.length),
    target: 0.9,
    runaways: runawayFigures(seed),
  });
}

function runawayFigures(seed: number): DetectionFigures {
  const set = generateRunawaySet(seed);
  const judge = (entity: RunawayEntity) => ({
    entity,
    metrics: RUNAWAY_METRICS,
    from: set.evaluateFrom,
    to: set.end,
    tuning: DEFAULT_RUNAWAY_TUNING,
  });
  const detected = [
    ...detectRunaways(set.keys, judge('virtual_key')),
    ...detectRunaways(set.traces, judge('trace')),
  ];
  const overlaps = (detection: Anomaly, injected: InjectedRunaway): boolean =>
    (detection.scope.trace ?? detection.scope.virtual_key) === injected.name &&
    detection.start < injected.end &&
    injected.start < detection.end;
  const truePositives = detected.filter((detection) =>
    set.injected.some((injected) => overlaps(detection, injected)),
  ).length;
  const found = set.injected.filter((injected) =>
    detected.some((detection) => overlaps(detection, injected)),
  ).length;
  return {
    injected: set.injected.length,
    detected: detected.length,
    true_positives: truePositives,
    found,
    precision: round(detected.length === 0 ? 1 : truePositives / detected.length),
    recall: round(set.injected.length === 0 ? 1 : found / set.injected.length),
  };
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
