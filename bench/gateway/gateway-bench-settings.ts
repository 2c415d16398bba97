/**
 * The load of `npm run bench:gateway`, sized so the whole run (5 targets × 2 call kinds, a
 * warm-up and both loops) stays under about four minutes.
 */
export const GATEWAY_BENCH_SETTINGS = {
  /** Saturated, unmeasured, per target and kind of call, before any timed run. */
  warm_up_ms: 2_000,
  /**
   * Each loop's measured time is cut into this many rounds, the targets taking turns in a
   * rotating order, and pooled per target: on a shared machine whose speed drifts over a
   * minute, every target then meets the same slow and fast spells.
   */
  rounds: 5,
  /** One call every 2 ms: a busy production gateway's rate, far below saturation here. */
  open_loop_rate_per_second: 500,
  /** Unmeasured calls at the rate before each round's measured ones. */
  open_loop_warmup_ms: 500,
  /** In all, over the rounds. */
  open_loop_measure_ms: 8_000,
  closed_loop_concurrency: 64,
  closed_loop_warmup_ms: 500,
  /** In all, over the rounds. */
  closed_loop_measure_ms: 6_000,
} as const;

/** The targets of the gateway issue: what tokenops may add on top of the provider. */
export const GATEWAY_TARGETS = {
  p50_added_ms: 0.5,
  p99_added_ms: 3,
  throughput_ratio_to_floor: 0.8,
  peak_rss_mb: 200,
} as const;
