/**
 * Knobs of runaway detection (docs/anomalies.md). A window's rate is a runaway when it is
 * above the `historyQuantile` of the history's peaks, at least `minRatio` times their median,
 * and `threshold` robust standard deviations above it.
 */
export interface RunawayTuning {
  /** Rates are measured over each of these sliding windows: a burst, and a sustained loop. */
  windowsMinutes: readonly number[];
  threshold: number;
  minRatio: number;
  historyQuantile: number;
  /** Fewer history peaks than this: the entity is not judged. */
  minSamples: number;
  /** Days of history a runaway is compared with. */
  historyDays: number;
  /**
   * A trace is judged only once it has run this long: an agent that never stops keeps going,
   * while a heavy trace that finishes in a few minutes is a big task, not a loop.
   */
  minTraceMinutes: number;
}

export const DEFAULT_RUNAWAY_TUNING: RunawayTuning = {
  windowsMinutes: [5, 60],
  threshold: 6,
  minRatio: 3,
  historyQuantile: 0.999,
  minSamples: 5,
  historyDays: 7,
  minTraceMinutes: 15,
};
