/**
 * Precision and recall of spike detection on the generated set of bench/anomaly-set.ts
 * (issue 7; target both ≥ 0.9). An injected spike is found when a detected anomaly of the
 * same team and metric overlaps its hours; a detection overlapping no injected spike of its
 * team and metric is a false positive.
 */
import { HOURLY_METRICS } from '../src/govern/anomalies/anomaly.ts';
import { detectHourlyAnomalies } from '../src/govern/anomalies/detect-hourly-anomalies.ts';
import { DEFAULT_TUNING } from '../src/govern/anomalies/detector-tuning.ts';
import { buildHourlyScopeSeries } from '../src/govern/anomalies/hourly-scope-series.ts';
import { HOUR_MS } from '../src/govern/anomalies/seasonal-baseline.ts';
import { generateAnomalySet } from './anomaly-set.ts';

export interface AnomalyBenchResult {
  seed: number;
  injected: number;
  detected: number;
  true_positives: number;
  found: number;
  precision: number;
  recall: number;
  target: number;
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
  const round = (value: number) => Math.round(value * 1000) / 1000;
  return Promise.resolve({
    seed,
    injected: truth.length,
    detected: detected.length,
    true_positives: truePositives,
    found,
    precision: round(detected.length === 0 ? 1 : truePositives / detected.length),
    recall: round(truth.length === 0 ? 1 : found / truth.length),
    target: 0.9,
  });
}
