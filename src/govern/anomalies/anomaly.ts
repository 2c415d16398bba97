/** Metrics judged hour by hour per scope against a seasonal baseline. */
export const HOURLY_METRICS = ['cost', 'tokens', 'active_users'] as const;
export type HourlyMetric = (typeof HOURLY_METRICS)[number];

/** Metrics judged minute by minute per trace or virtual key against their own history. */
export const RUNAWAY_METRICS = ['calls_per_minute', 'tokens_per_minute'] as const;
export type RunawayMetric = (typeof RUNAWAY_METRICS)[number];

export type AnomalyMetric = HourlyMetric | RunawayMetric;
export const ANOMALY_METRICS: readonly AnomalyMetric[] = [...HOURLY_METRICS, ...RUNAWAY_METRICS];

/** Where an anomaly happened: tag → value (`{ team: 'search' }`, `{ trace: 'id' }`). */
export type AnomalyScope = Record<string, string>;

/** One spike or runaway: consecutive anomalous hours (or minutes) of one scope and metric. */
export interface Anomaly {
  /**
   * Stable across evaluations of the same spike (scope, metric and first hour), so alerts
   * built from anomalies can be deduplicated.
   */
  key: string;
  kind: 'spike' | 'runaway';
  scope: AnomalyScope;
  metric: AnomalyMetric;
  /** Epoch ms, inclusive. */
  start: number;
  /** Epoch ms, exclusive. */
  end: number;
  /**
   * Spikes of cost and tokens: summed over the anomaly's hours; of active users and runaways
   * (rates): the value at the most anomalous hour or minute.
   */
  observed: number;
  expected: number;
  /** Robust z-score at the most anomalous point: (observed − expected) / spread. */
  score: number;
  /** Runaways: the length of the sliding window the rate was measured over. */
  windowMinutes?: number;
}

/** `team=search,feature=chat`: scope as text, in key order. */
export function describeScope(scope: AnomalyScope): string {
  return Object.entries(scope)
    .map(([tag, value]) => `${tag}=${value}`)
    .join(',');
}

/** `anomaly:team=search:cost:2026-11-20T13` (runaways to the minute). */
export function anomalyKey(
  scope: AnomalyScope,
  metric: AnomalyMetric,
  start: number,
  precision: 'hour' | 'minute',
): string {
  const time = new Date(start).toISOString().slice(0, precision === 'hour' ? 13 : 16);
  return `anomaly:${describeScope(scope)}:${metric}:${time}`;
}
