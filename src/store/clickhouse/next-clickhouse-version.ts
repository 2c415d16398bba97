/**
 * The version of the next rows written to a ReplacingMergeTree(version) table, given the
 * highest one stored for their keys: epoch microseconds, so later writes sort above earlier
 * ones, and above `stored` in any case. Rows of one insert take `base + index`.
 */
export function nextClickHouseVersion(stored: number): number {
  return Math.max(Date.now() * 1000, stored + 1);
}
