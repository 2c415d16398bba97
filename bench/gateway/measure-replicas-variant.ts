import type { Dispatcher } from 'undici';
import type { BenchVariant } from './bench-call.ts';
import type { CpuSnapshot } from './cpu-per-call.ts';
import { REPLICAS_BENCH_SETTINGS as SETTINGS } from './replicas-bench-settings.ts';
import { runClosedLoop, type ClosedLoopResult } from './run-closed-loop.ts';
import { runOpenLoop, type OpenLoopResult } from './run-open-loop.ts';
import type { BenchOutcome } from './send-bench-request.ts';
import { roundMs } from './summarize-latency.ts';

/** direct: the stand-in; one_gateway: one tokenops; two_replicas: two, behind a round robin. */
export type ReplicasTargetName = 'direct' | 'one_gateway' | 'two_replicas';

export const REPLICAS_TARGET_NAMES: readonly ReplicasTargetName[] = [
  'direct',
  'one_gateway',
  'two_replicas',
];

export interface ReplicasTarget {
  name: ReplicasTargetName;
  pool: Dispatcher;
  path: string;
  /** CPU used so far by each process on this target's path (see cpuPerCallUs). */
  sampleCpu: () => CpuSnapshot;
}

export interface ReplicasVariantFigures {
  latency_at_fixed_rate: Record<ReplicasTargetName, OpenLoopResult>;
  /** Each way through tokenops minus direct, at the fixed rate. */
  added_p50_ms: { one_gateway: number; two_replicas: number };
  added_p99_ms: { one_gateway: number; two_replicas: number };
  saturated_throughput: Record<ReplicasTargetName, ClosedLoopResult>;
  /** Saturated calls/s of the two replicas over one gateway's. */
  two_to_one_throughput: number;
}

/**
 * Both loops over the three targets for one kind of call, every fixed-rate run before the
 * saturating ones (so none follows another's saturation burst), as measureVariant does.
 */
export async function measureReplicasVariant(
  variant: BenchVariant,
  targets: Record<ReplicasTargetName, ReplicasTarget>,
  bodies: (variant: BenchVariant) => () => Buffer,
  seen: (name: ReplicasTargetName, outcome: BenchOutcome) => void,
  log: (line: string) => void,
): Promise<ReplicasVariantFigures> {
  const open = {} as Record<ReplicasTargetName, OpenLoopResult>;
  for (const name of REPLICAS_TARGET_NAMES) {
    const target = targets[name];
    const run = await runOpenLoop({
      pool: target.pool,
      path: target.path,
      nextBody: bodies(variant),
      ratePerSecond: SETTINGS.open_loop_rate_per_second,
      warmupMs: SETTINGS.open_loop_warmup_ms,
      measureMs: SETTINGS.open_loop_measure_ms,
      sampleCpu: target.sampleCpu,
      onOutcome: (outcome) => seen(name, outcome),
    });
    open[name] = run;
    log(
      `${variant} ${name} @${run.rate_per_second}/s: p50 ${run.p50_ms} p99 ${run.p99_ms} ms, ${run.failed} failed, CPU µs/call ${JSON.stringify(run.cpu_us_per_call)}`,
    );
  }
  const closed = {} as Record<ReplicasTargetName, ClosedLoopResult>;
  for (const name of REPLICAS_TARGET_NAMES) {
    const target = targets[name];
    const run = await runClosedLoop({
      pool: target.pool,
      path: target.path,
      nextBody: bodies(variant),
      concurrency: SETTINGS.closed_loop_concurrency,
      warmupMs: SETTINGS.closed_loop_warmup_ms,
      measureMs: SETTINGS.closed_loop_measure_ms,
      sampleCpu: target.sampleCpu,
      onOutcome: (outcome) => seen(name, outcome),
    });
    closed[name] = run;
    log(
      `${variant} ${name} x${run.concurrency}: ${run.requests_per_second} req/s, ${run.failed} failed, CPU µs/call ${JSON.stringify(run.cpu_us_per_call)}`,
    );
  }
  return {
    latency_at_fixed_rate: open,
    added_p50_ms: {
      one_gateway: roundMs(open.one_gateway.p50_ms - open.direct.p50_ms),
      two_replicas: roundMs(open.two_replicas.p50_ms - open.direct.p50_ms),
    },
    added_p99_ms: {
      one_gateway: roundMs(open.one_gateway.p99_ms - open.direct.p99_ms),
      two_replicas: roundMs(open.two_replicas.p99_ms - open.direct.p99_ms),
    },
    saturated_throughput: closed,
    two_to_one_throughput:
      Math.round(
        (closed.two_replicas.requests_per_second / closed.one_gateway.requests_per_second) * 1000,
      ) / 1000,
  };
}
