/**
 * The detector's knobs, tuned on bench/anomaly-bench.ts's generated set (docs/anomalies.md).
 * A point is anomalous when all three tests pass: its robust score reaches `threshold`, it is
 * at least `minRatio` times the expected value, and it exceeds the expected value by at least
 * `materiality` times the scope's mean hour (so quiet night hours need a real amount).
 */
export interface DetectorTuning {
  /** Same weekday and hour, this many weeks back. */
  weeks: number;
  /** Same hour on this many previous days of the same kind (weekday or weekend). */
  days: number;
  /** Fewer baseline samples than this: the hour is not judged. */
  minSamples: number;
  threshold: number;
  minRatio: number;
  materiality: number;
  /** The smallest spread of log values a score divides by (0.1: about 10 %). */
  minSpread: number;
  /** Logs are taken of value + this share of the scope's mean hour, so zeros stay finite. */
  logOffset: number;
  /** The spread is at least this share of the scope's usual spread around its baselines. */
  pooledShare: number;
  /** The spread is at least this over √(expected calls + 1): few calls are noisy. */
  countNoise: number;
  /** The recent level is measured over this many hours before the one judged. */
  levelHours: number;
  /** The recent level raises the baseline by at most this much (log scale). */
  maxLevelUp: number;
  /** A quiet spell (a holiday) lowers it by at most this much. */
  maxLevelDown: number;
  /** Anomalous hours this close together form one anomaly. */
  mergeGapHours: number;
  /** Runs of up to this many hours are also judged together (flag-sustained-windows.ts). */
  windowHours: number;
  /** Each hour of such a run scores at least this. */
  windowMinScore: number;
  /** Such a run's total is at least this times its expected total. */
  windowMinRatio: number;
}

export const DEFAULT_TUNING: DetectorTuning = {
  weeks: 4,
  days: 14,
  minSamples: 4,
  threshold: 4,
  minRatio: 1.5,
  materiality: 0.3,
  minSpread: 0.15,
  logOffset: 0.1,
  pooledShare: 0.7,
  countNoise: 1,
  levelHours: 72,
  maxLevelUp: 0.4,
  maxLevelDown: 1.5,
  mergeGapHours: 1,
  windowHours: 4,
  windowMinScore: 1,
  windowMinRatio: 1.8,
};
