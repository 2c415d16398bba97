/** CPU ms used so far by each process on a call's path, by name (a snapshot). */
export type CpuSnapshot = Record<string, number>;

/** CPU ms each process used between two snapshots (NaN for one missing from `before`). */
export function cpuUsedBetween(before: CpuSnapshot, after: CpuSnapshot): CpuSnapshot {
  const used: CpuSnapshot = {};
  for (const [name, ms] of Object.entries(after)) used[name] = ms - (before[name] ?? NaN);
  return used;
}

/**
 * Each process's CPU time per call, in µs, from the CPU ms it used over `calls` calls. On a
 * 2-core machine the sum over the path is what bounds saturated throughput, so it shows where
 * a call's time goes.
 */
export function cpuPerCallUs(used: CpuSnapshot, calls: number): Record<string, number> {
  const perCall: Record<string, number> = {};
  for (const [name, ms] of Object.entries(used)) perCall[name] = Math.round((ms * 1000) / calls);
  return perCall;
}

/** CPU ms per process, summed over runs. */
export function addCpu(used: readonly CpuSnapshot[]): CpuSnapshot {
  const total: CpuSnapshot = {};
  for (const run of used) {
    for (const [name, ms] of Object.entries(run)) total[name] = (total[name] ?? 0) + ms;
  }
  return total;
}
