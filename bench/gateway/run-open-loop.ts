import type { Dispatcher } from 'undici';
import { createFailureTally, tallyFailure, type FailureTally } from './failure-tally.ts';
import { cpuPerCallUs, type CpuSnapshot } from './cpu-per-call.ts';
import { sendBenchRequest, type BenchOutcome } from './send-bench-request.ts';
import { roundMs, summarizeLatency, type LatencySummary } from './summarize-latency.ts';
import { percentile } from './percentile.ts';

export interface OpenLoopOptions {
  pool: Dispatcher;
  path: string;
  /** The next call's body: the same bytes each time, or fresh ones for cache misses. */
  nextBody: () => Buffer;
  ratePerSecond: number;
  warmupMs: number;
  measureMs: number;
  sampleCpu: () => CpuSnapshot;
  /** Sees every call's outcome, warm-up and stragglers included (for checks after the run). */
  onOutcome?: (outcome: BenchOutcome) => void;
}

export interface OpenLoopResult extends LatencySummary, FailureTally {
  rate_per_second: number;
  /** How late the generator started calls behind their schedule (timer jitter), ms. */
  schedule_lag_p99_ms: number;
  /** CPU per measured call of each process on the path, µs (see cpuPerCallUs). */
  cpu_us_per_call: Record<string, number>;
}

/**
 * Starts one call every 1000/rate ms whatever the earlier ones are doing (an open loop: a slow
 * proxy cannot slow the arrivals down and hide its queue). Calls scheduled in the warm-up are
 * sent but not counted. A timer that fires late sends every overdue call at once, as real
 * arrivals would bunch; each call's latency runs from its own send.
 */
export async function runOpenLoop(options: OpenLoopOptions): Promise<OpenLoopResult> {
  const interval = 1000 / options.ratePerSecond;
  const total = Math.round(((options.warmupMs + options.measureMs) * options.ratePerSecond) / 1000);
  const firstMeasured = Math.round((options.warmupMs * options.ratePerSecond) / 1000);
  const latencies: number[] = [];
  const lags: number[] = [];
  const failures = createFailureTally();
  const calls: Promise<void>[] = [];
  const start = performance.now();
  let next = 0;
  let cpuBefore: CpuSnapshot = {};

  await new Promise<void>((resolve) => {
    const tick = (): void => {
      const now = performance.now();
      while (next < total && start + next * interval <= now) {
        const measured = next >= firstMeasured;
        if (next === firstMeasured) cpuBefore = options.sampleCpu();
        if (measured) lags.push(now - (start + next * interval));
        calls.push(
          sendBenchRequest(options.pool, options.path, options.nextBody()).then((outcome) => {
            options.onOutcome?.(outcome);
            if (!measured) return;
            if (outcome.failure === undefined) latencies.push(outcome.milliseconds);
            else tallyFailure(failures, outcome.failure);
          }),
        );
        next += 1;
      }
      if (next >= total) resolve();
      else setTimeout(tick, Math.max(0, start + next * interval - performance.now()));
    };
    tick();
  });
  await Promise.all(calls);
  const cpuAfter = options.sampleCpu();
  lags.sort((a, b) => a - b);
  return {
    rate_per_second: options.ratePerSecond,
    ...summarizeLatency(latencies),
    ...failures,
    schedule_lag_p99_ms: roundMs(percentile(lags, 0.99)),
    cpu_us_per_call: cpuPerCallUs(cpuBefore, cpuAfter, total - firstMeasured),
  };
}
