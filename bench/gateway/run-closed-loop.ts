import type { Dispatcher } from 'undici';
import {
  createFailureTally,
  mergeFailures,
  tallyFailure,
  type FailureTally,
} from './failure-tally.ts';
import { addCpu, cpuPerCallUs, cpuUsedBetween, type CpuSnapshot } from './cpu-per-call.ts';
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

/** What one closed-loop run saw, before any summary: runs of one target can be pooled. */
export interface ClosedLoopSample {
  completed: number;
  failures: FailureTally;
  measureMs: number;
  /** CPU ms each process on the path used in the measured window. */
  cpuUsed: CpuSnapshot;
}

export interface ClosedLoopResult extends FailureTally {
  concurrency: number;
  /** Calls answered 2xx and read whole within the measured window. */
  completed: number;
  requests_per_second: number;
  /** CPU per call in the window of each process on the path, µs (see cpuPerCallUs). */
  cpu_us_per_call: Record<string, number>;
  /** When pooled from several rounds: each round's own calls/s, to show the spread. */
  rounds?: { requests_per_second: number[] };
}

/**
 * `concurrency` callers each send their next call as soon as the last one ends, so the slowest
 * process on the path sets the pace: the saturated throughput. Only calls that end inside the
 * measured window count, which keeps the warm-up and the final stragglers out.
 */
export async function sampleClosedLoop(options: ClosedLoopOptions): Promise<ClosedLoopSample> {
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
    completed,
    failures,
    measureMs: options.measureMs,
    cpuUsed: cpuUsedBetween(cpuBefore, cpuAfter),
  };
}

/** One summary of a target's runs: calls and CPU pooled over their measured windows. */
export function summarizeClosedLoop(
  concurrency: number,
  samples: readonly ClosedLoopSample[],
): ClosedLoopResult {
  const failures = mergeFailures(samples.map((sample) => sample.failures));
  const completed = samples.reduce((sum, sample) => sum + sample.completed, 0);
  const measureMs = samples.reduce((sum, sample) => sum + sample.measureMs, 0);
  const perSecond = (calls: number, ms: number): number => Math.round(calls / (ms / 1000));
  return {
    concurrency,
    completed,
    requests_per_second: perSecond(completed, measureMs),
    ...failures,
    cpu_us_per_call: cpuPerCallUs(
      addCpu(samples.map((sample) => sample.cpuUsed)),
      completed + failures.failed,
    ),
    ...(samples.length > 1
      ? {
          rounds: {
            requests_per_second: samples.map((sample) =>
              perSecond(sample.completed, sample.measureMs),
            ),
          },
        }
      : {}),
  };
}

/** One run, summarised. */
export async function runClosedLoop(options: ClosedLoopOptions): Promise<ClosedLoopResult> {
  return summarizeClosedLoop(options.concurrency, [await sampleClosedLoop(options)]);
}
