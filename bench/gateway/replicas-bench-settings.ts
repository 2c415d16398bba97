/**
 * The load of `npm run bench:gateway-replicas`, sized so the whole run (3 targets × 2 call kinds
 * × both loops, the ClickHouse check after) stays under about four minutes.
 */
export const REPLICAS_BENCH_SETTINGS = {
  /** Well below one gateway's saturation here, with Redis and ClickHouse on the same cores. */
  open_loop_rate_per_second: 200,
  open_loop_warmup_ms: 2_000,
  open_loop_measure_ms: 6_000,
  closed_loop_concurrency: 64,
  closed_loop_warmup_ms: 1_000,
  closed_loop_measure_ms: 6_000,
  /** One call in this many repeats an earlier body (an exact-cache hit); the rest miss. */
  repeat_every: 10,
  /** How long the replicas get to move every event into ClickHouse before they are stopped. */
  stored_within_ms: 20_000,
} as const;
