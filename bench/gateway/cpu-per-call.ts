/** CPU ms used so far by each process on a call's path, by name (a snapshot). */
export type CpuSnapshot = Record<string, number>;

/**
 * Each process's CPU time per call between two snapshots, in µs. On a 2-core machine the sum
 * over the path is what bounds saturated throughput, so it shows where a call's time goes.
 */
export function cpuPerCallUs(
  before: CpuSnapshot,
  after: CpuSnapshot,
  calls: number,
): Record<string, number> {
  const perCall: Record<string, number> = {};
  for (const [name, used] of Object.entries(after)) {
    perCall[name] = Math.round(((used - (before[name] ?? NaN)) * 1000) / calls);
  }
  return perCall;
}
