import type { BenchVariant } from './bench-call.ts';
import { BENCH_TARGET_NAMES, type BenchTarget, type BenchTargetName } from './bench-target.ts';
import { GATEWAY_BENCH_SETTINGS as SETTINGS } from './gateway-bench-settings.ts';
import { sampleClosedLoop, summarizeClosedLoop, type ClosedLoopResult } from './run-closed-loop.ts';
import { sampleOpenLoop, summarizeOpenLoop, type OpenLoopResult } from './run-open-loop.ts';
import { roundMs } from './summarize-latency.ts';

export interface AddedLatency {
  p50_ms: number;
  p99_ms: number;
  mean_ms: number;
}

export interface VariantFigures {
  latency_at_fixed_rate: Record<BenchTargetName, OpenLoopResult>;
  /** tokenops minus direct (what a user feels) and minus floor (what tokenops itself costs). */
  added_latency: { vs_direct: AddedLatency; vs_floor: AddedLatency };
  saturated_throughput: Record<BenchTargetName, ClosedLoopResult>;
  tokenops_to_floor_throughput: number;
  /** The gateway with a routing rule and the exact cache on, missing and hitting. */
  routed: {
    added_latency: {
      miss_vs_direct: AddedLatency;
      miss_vs_floor: AddedLatency;
      hit_vs_direct: AddedLatency;
      hit_vs_floor: AddedLatency;
    };
    miss_to_floor_throughput: number;
    hit_to_floor_throughput: number;
  };
}

/**
 * Both loops over the five targets for one kind of call. Each loop runs in rounds (see
 * GATEWAY_BENCH_SETTINGS.rounds): every round gives each target a share of the measured time,
 * in an order that rotates from round to round, and each target's rounds are pooled. Every
 * fixed-rate round comes before the saturating ones, so no fixed-rate run follows a
 * saturation burst.
 */
export async function measureVariant(
  variant: BenchVariant,
  targets: Record<BenchTargetName, BenchTarget>,
  log: (line: string) => void,
): Promise<VariantFigures> {
  const rounds = SETTINGS.rounds;
  const openSamples = await inRounds(
    rounds,
    (target) =>
      sampleOpenLoop({
        pool: target.pool,
        path: target.path,
        nextBody: target.bodies(variant),
        ratePerSecond: SETTINGS.open_loop_rate_per_second,
        warmupMs: SETTINGS.open_loop_warmup_ms,
        measureMs: SETTINGS.open_loop_measure_ms / rounds,
        sampleCpu: target.sampleCpu,
      }),
    targets,
  );
  const open = {} as Record<BenchTargetName, OpenLoopResult>;
  for (const name of BENCH_TARGET_NAMES) {
    const run = summarizeOpenLoop(SETTINGS.open_loop_rate_per_second, openSamples[name]);
    open[name] = run;
    log(
      `${variant} ${name} @${run.rate_per_second}/s: p50 ${run.p50_ms} p99 ${run.p99_ms} mean ${run.mean_ms} ms (round p99s ${run.rounds?.p99_ms.join(', ')}), ${run.failed} failed, CPU µs/call ${JSON.stringify(run.cpu_us_per_call)}`,
    );
  }
  const closedSamples = await inRounds(
    rounds,
    (target) =>
      sampleClosedLoop({
        pool: target.pool,
        path: target.path,
        nextBody: target.bodies(variant),
        concurrency: SETTINGS.closed_loop_concurrency,
        warmupMs: SETTINGS.closed_loop_warmup_ms,
        measureMs: SETTINGS.closed_loop_measure_ms / rounds,
        sampleCpu: target.sampleCpu,
      }),
    targets,
  );
  const closed = {} as Record<BenchTargetName, ClosedLoopResult>;
  for (const name of BENCH_TARGET_NAMES) {
    const run = summarizeClosedLoop(SETTINGS.closed_loop_concurrency, closedSamples[name]);
    closed[name] = run;
    log(
      `${variant} ${name} x${run.concurrency}: ${run.requests_per_second} req/s (rounds ${run.rounds?.requests_per_second.join(', ')}), ${run.failed} failed, CPU µs/call ${JSON.stringify(run.cpu_us_per_call)}`,
    );
  }
  return {
    latency_at_fixed_rate: open,
    added_latency: {
      vs_direct: added(open.tokenops, open.direct),
      vs_floor: added(open.tokenops, open.floor),
    },
    saturated_throughput: closed,
    tokenops_to_floor_throughput: ratio(closed.tokenops, closed.floor),
    routed: {
      added_latency: {
        miss_vs_direct: added(open.routed_miss, open.direct),
        miss_vs_floor: added(open.routed_miss, open.floor),
        hit_vs_direct: added(open.routed_hit, open.direct),
        hit_vs_floor: added(open.routed_hit, open.floor),
      },
      miss_to_floor_throughput: ratio(closed.routed_miss, closed.floor),
      hit_to_floor_throughput: ratio(closed.routed_hit, closed.floor),
    },
  };
}

/** Each target's samples, taken a turn per round in an order that rotates. */
async function inRounds<Sample>(
  rounds: number,
  sample: (target: BenchTarget) => Promise<Sample>,
  targets: Record<BenchTargetName, BenchTarget>,
): Promise<Record<BenchTargetName, Sample[]>> {
  const samples = Object.fromEntries(
    BENCH_TARGET_NAMES.map((name) => [name, []]),
  ) as unknown as Record<BenchTargetName, Sample[]>;
  for (let round = 0; round < rounds; round += 1) {
    for (const name of rotated(BENCH_TARGET_NAMES, round)) {
      samples[name].push(await sample(targets[name]));
    }
  }
  return samples;
}

/** The names starting at index `round` (mod length): each takes each place in turn. */
function rotated<Name>(names: readonly Name[], round: number): Name[] {
  const at = round % names.length;
  return [...names.slice(at), ...names.slice(0, at)];
}

function ratio(through: ClosedLoopResult, base: ClosedLoopResult): number {
  return Math.round((through.requests_per_second / base.requests_per_second) * 1000) / 1000;
}

function added(through: OpenLoopResult, base: OpenLoopResult): AddedLatency {
  return {
    p50_ms: roundMs(through.p50_ms - base.p50_ms),
    p99_ms: roundMs(through.p99_ms - base.p99_ms),
    mean_ms: roundMs(through.mean_ms - base.mean_ms),
  };
}
