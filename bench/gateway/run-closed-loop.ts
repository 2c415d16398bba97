import type { Dispatcher } from 'undici';
import { createFailureTally, tallyFailure, type FailureTally } from './failure-tally.ts';
import { cpuPerCallUs, type CpuSnapshot } from './cpu-per-call.ts';
import { sendBenchRequest, type BenchOutcome } from './send-bench-request.ts';

export interface ClosedLoopOptions {
  pool: Dispatcher;
  path: string;
  /** The next call's body: the same bytes each time, or fresh ones for cache misses. */
  nextBody: () => Buffer;
  concurrency: number;
  warmupMs: number;
  measureMs: number;
  sampleCpu: () => CpuSnapshot;
  /** Sees every call's outcome, warm-up and stragglers included (for checks after the run). */
  onOutcome?: (outcome: BenchOutcome) => void;
}

export interface ClosedLoopResult extends FailureTally {
  concurrency: number;
  /** Calls answered 2xx and read whole within the measured window. */
  completed: number;
  requests_per_second: number;
  /** CPU per call in the window of each process on the path, µs (see cpuPerCallUs). */
  cpu_us_per_call: Record<string, number>;
}

/**
 * `concurrency` callers each send their next call as soon as the last one ends, so the slowest
 * process on the path sets the pace: the saturated throughput. Only calls that end inside the
 * measured window count, which keeps the warm-up and the final stragglers out.
 */
export async function runClosedLoop(options: ClosedLoopOptions): Promise<ClosedLoopResult> {
  const measureFrom = performance.now() + options.warmupMs;
  const measureTo = measureFrom + options.measureMs;
  const failures = createFailureTally();
  let completed = 0;
  // Timers, not the callers, take the CPU readings: at the window's edges whoever is running.
  let cpuBefore: CpuSnapshot = {};
  let cpuAfter: CpuSnapshot = {};
  const before = setTimeout(() => (cpuBefore = options.sampleCpu()), options.warmupMs);
  const after = setTimeout(
    () => (cpuAfter = options.sampleCpu()),
    options.warmupMs + options.measureMs,
  );

  const caller = async (): Promise<void> => {
    while (performance.now() < measureTo) {
      const outcome = await sendBenchRequest(options.pool, options.path, options.nextBody());
      const ended = performance.now();
      options.onOutcome?.(outcome);
      if (ended < measureFrom || ended > measureTo) continue;
      if (outcome.failure === undefined) completed += 1;
      else tallyFailure(failures, outcome.failure);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, caller));
  clearTimeout(before);
  clearTimeout(after);
  return {
    concurrency: options.concurrency,
    completed,
    requests_per_second: Math.round(completed / (options.measureMs / 1000)),
    ...failures,
    cpu_us_per_call: cpuPerCallUs(cpuBefore, cpuAfter, completed + failures.failed),
  };
}
