import type { Anomaly, AnomalyMetric, AnomalyScope } from './anomaly.ts';

/** An anomaly as the CLI's JSON and the API give it (PRODUCT.md §9), plus its key and kind. */
export interface AnomalyRow {
  scope: AnomalyScope;
  metric: AnomalyMetric;
  /** ISO 8601, inclusive. */
  start: string;
  /** ISO 8601, exclusive. */
  end: string;
  observed: number;
  expected: number;
  score: number;
  key: string;
  kind: Anomaly['kind'];
  window_minutes?: number;
}

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

/** USD to the micro-dollar, counts and rates to two decimals. */
export function buildAnomalyRow(anomaly: Anomaly): AnomalyRow {
  const digits = anomaly.metric === 'cost' ? 6 : 2;
  return {
    scope: anomaly.scope,
    metric: anomaly.metric,
    start: new Date(anomaly.start).toISOString(),
    end: new Date(anomaly.end).toISOString(),
    observed: round(anomaly.observed, digits),
    expected: round(anomaly.expected, digits),
    score: round(anomaly.score, 2),
    key: anomaly.key,
    kind: anomaly.kind,
    ...(anomaly.windowMinutes !== undefined ? { window_minutes: anomaly.windowMinutes } : {}),
  };
}
