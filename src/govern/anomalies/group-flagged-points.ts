/** One judged point (an hour or a minute) of a series. */
export interface FlaggedPoint {
  /** Position in the series: hour or minute number. */
  index: number;
  observed: number;
  expected: number;
  score: number;
}

/**
 * Consecutive anomalous points of one series as runs: points at most `maxGap` positions
 * apart join the same run, so a spike that dips for a moment stays one anomaly.
 */
export function groupFlaggedPoints(
  points: readonly FlaggedPoint[],
  maxGap: number,
): FlaggedPoint[][] {
  const runs: FlaggedPoint[][] = [];
  let current: FlaggedPoint[] = [];
  for (const point of [...points].sort((left, right) => left.index - right.index)) {
    const last = current[current.length - 1];
    if (last !== undefined && point.index - last.index > maxGap + 1) {
      runs.push(current);
      current = [];
    }
    current.push(point);
  }
  if (current.length > 0) runs.push(current);
  return runs;
}

/** The run's most anomalous point. */
export function peakOf(run: readonly FlaggedPoint[]): FlaggedPoint | undefined {
  let peak: FlaggedPoint | undefined;
  for (const point of run) if (peak === undefined || point.score > peak.score) peak = point;
  return peak;
}
