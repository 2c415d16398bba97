import type { Dispatcher } from 'undici';
import {
  createFailureTally,
  mergeFailures,
  tallyFailure,
  type FailureTally,
} from './failure-tally.ts';
import { addCpu, cpuPerCallUs, cpuUsedBetween, type CpuSnapshot } from './cpu-per-call.ts';
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

/** What one open-loop run saw, before any summary: runs of one target can be pooled. */
export interface OpenLoopSample {
  /** Latencies of the measured calls that succeeded, ms. */
  latencies: number[];
  /** How late each measured call started behind its schedule, ms. */
  lags: number[];
  failures: FailureTally;
  /** Measured calls sent, failed ones included. */
  calls: number;
  /** CPU ms each process on the path used over the measured calls. */
  cpuUsed: CpuSnapshot;
}

export interface OpenLoopResult extends LatencySummary, FailureTally {
  rate_per_second: number;
  /** How late the generator started calls behind their schedule (timer jitter), ms. */
  schedule_lag_p99_ms: number;
  /** CPU per measured call of each process on the path, µs (see cpuPerCallUs). */
  cpu_us_per_call: Record<string, number>;
  /** When pooled from several rounds: each round's own p50 and p99, ms, to show the spread. */
  rounds?: { p50_ms: number[]; p99_ms: number[] };
}

/**
 * Starts one call every 1000/rate ms whatever the earlier ones are doing (an open loop: a slow
 * proxy cannot slow the arrivals down and hide its queue). Calls scheduled in the warm-up are
 * sent but not counted. A timer that fires late sends every overdue call at once, as real
 * arrivals would bunch; each call's latency runs from its own send.
 */
export async function sampleOpenLoop(options: OpenLoopOptions): Promise<OpenLoopSample> {
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
  return {
    latencies,
    lags,
    failures,
    calls: total - firstMeasured,
    cpuUsed: cpuUsedBetween(cpuBefore, options.sampleCpu()),
  };
}

/**
 * One summary of a target's runs, their calls pooled: the percentiles of every measured call,
 * as if from one run, and each run's own p50 and p99 when there were several.
 */
export function summarizeOpenLoop(
  ratePerSecond: number,
  samples: readonly OpenLoopSample[],
): OpenLoopResult {
  const failures = mergeFailures(samples.map((sample) => sample.failures));
  const lags = samples.flatMap((sample) => sample.lags).sort((a, b) => a - b);
  const calls = samples.reduce((sum, sample) => sum + sample.calls, 0);
  const cpuUsed = addCpu(samples.map((sample) => sample.cpuUsed));
  const each = samples.map((sample) => summarizeLatency(sample.latencies));
  return {
    rate_per_second: ratePerSecond,
    ...summarizeLatency(samples.flatMap((sample) => sample.latencies)),
    ...failures,
    schedule_lag_p99_ms: roundMs(percentile(lags, 0.99)),
    cpu_us_per_call: cpuPerCallUs(cpuUsed, calls),
    ...(samples.length > 1
      ? { rounds: { p50_ms: each.map((run) => run.p50_ms), p99_ms: each.map((run) => run.p99_ms) } }
      : {}),
  };
}

/** One run, summarised. */
export async function runOpenLoop(options: OpenLoopOptions): Promise<OpenLoopResult> {
  return summarizeOpenLoop(options.ratePerSecond, [await sampleOpenLoop(options)]);
}
