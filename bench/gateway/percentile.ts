/**
 * The nearest-rank percentile of values already sorted ascending (`fraction` 0.5 for p50, 0.99
 * for p99): an observed value, never an interpolation between two, so a p99 is a latency some
 * request really had. NaN when there are none.
 */
export function percentile(sorted: readonly number[], fraction: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil(fraction * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] ?? NaN;
}
