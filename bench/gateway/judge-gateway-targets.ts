import { BENCH_VARIANTS, type BenchVariant } from './bench-call.ts';
import { GATEWAY_TARGETS } from './gateway-bench-settings.ts';
import type { VariantFigures } from './measure-variant.ts';
import type { ProcessMemory } from './read-process-memory.ts';

export interface TargetCheck {
  name: string;
  value: number | null;
  target: string;
  pass: boolean;
  /** Why a check failed that its figure alone would pass: failed calls in the runs behind it. */
  note?: string;
}

/**
 * Each target against the run's figures. A figure measured over runs with failed calls cannot
 * pass: fast errors would flatter latency and throughput alike.
 */
export function judgeGatewayTargets(
  figures: Record<BenchVariant, VariantFigures>,
  gatewayMemory: ProcessMemory | undefined,
  routedMemory: ProcessMemory | undefined,
): TargetCheck[] {
  const checks: TargetCheck[] = [];
  for (const variant of BENCH_VARIANTS) {
    const { added_latency, latency_at_fixed_rate, saturated_throughput } = figures[variant];
    const latencyFailures =
      latency_at_fixed_rate.direct.failed + latency_at_fixed_rate.tokenops.failed;
    const throughputFailures =
      saturated_throughput.floor.failed + saturated_throughput.tokenops.failed;
    checks.push(
      check(
        `${variant}: p50 added vs direct (ms)`,
        added_latency.vs_direct.p50_ms,
        latencyFailures,
        {
          at_most: GATEWAY_TARGETS.p50_added_ms,
        },
      ),
      check(
        `${variant}: p99 added vs direct (ms)`,
        added_latency.vs_direct.p99_ms,
        latencyFailures,
        {
          at_most: GATEWAY_TARGETS.p99_added_ms,
        },
      ),
      check(
        `${variant}: throughput tokenops / floor`,
        figures[variant].tokenops_to_floor_throughput,
        throughputFailures,
        { at_least: GATEWAY_TARGETS.throughput_ratio_to_floor },
      ),
    );
    // The same targets for the gateway with routing and the exact cache on.
    const { routed } = figures[variant];
    for (const [run, name] of [
      ['miss', 'routed_miss'],
      ['hit', 'routed_hit'],
    ] as const) {
      const open = latency_at_fixed_rate.direct.failed + latency_at_fixed_rate[name].failed;
      const closed = saturated_throughput.floor.failed + saturated_throughput[name].failed;
      checks.push(
        check(
          `${variant}: routed ${run}: p50 added vs direct (ms)`,
          routed.added_latency[`${run}_vs_direct`].p50_ms,
          open,
          { at_most: GATEWAY_TARGETS.p50_added_ms },
        ),
        check(
          `${variant}: routed ${run}: p99 added vs direct (ms)`,
          routed.added_latency[`${run}_vs_direct`].p99_ms,
          open,
          { at_most: GATEWAY_TARGETS.p99_added_ms },
        ),
        check(
          `${variant}: routed ${run}: throughput / floor`,
          routed[`${run}_to_floor_throughput`],
          closed,
          { at_least: GATEWAY_TARGETS.throughput_ratio_to_floor },
        ),
      );
    }
  }
  checks.push(
    check('gateway peak RSS, VmHWM (MB)', gatewayMemory?.peak_rss_mb ?? null, 0, {
      below: GATEWAY_TARGETS.peak_rss_mb,
    }),
    check('routed gateway peak RSS, VmHWM (MB)', routedMemory?.peak_rss_mb ?? null, 0, {
      below: GATEWAY_TARGETS.peak_rss_mb,
    }),
  );
  return checks;
}

function check(
  name: string,
  value: number | null,
  failures: number,
  bound: { at_most: number } | { at_least: number } | { below: number },
): TargetCheck {
  const [target, within] =
    'at_most' in bound
      ? [`≤ ${bound.at_most}`, value !== null && value <= bound.at_most]
      : 'at_least' in bound
        ? [`≥ ${bound.at_least}`, value !== null && value >= bound.at_least]
        : [`< ${bound.below}`, value !== null && value < bound.below];
  if (value === null) return { name, value, target, pass: false, note: 'not measured' };
  if (failures > 0) {
    return { name, value, target, pass: false, note: `${failures} failed calls in its runs` };
  }
  return { name, value, target, pass: within };
}
