import { BENCH_VARIANTS, type BenchVariant } from './bench-call.ts';
import { BENCH_TARGET_NAMES } from './bench-target.ts';
import type { TargetCheck } from './judge-gateway-targets.ts';
import type { VariantFigures } from './measure-variant.ts';
import type { ProcessMemory } from './read-process-memory.ts';

/** The run as a table a person reads at a glance; the results file holds the rest. */
export function formatGatewayTable(options: {
  machine: Record<string, unknown>;
  figures: Record<BenchVariant, VariantFigures>;
  gatewayMemory: ProcessMemory | undefined;
  gatewayAtStart: ProcessMemory | undefined;
  routedMemory: ProcessMemory | undefined;
  routedAtStart: ProcessMemory | undefined;
  floorMemory: ProcessMemory | undefined;
  floorAtStart: ProcessMemory | undefined;
  checks: readonly TargetCheck[];
}): string {
  const { machine, figures } = options;
  const lines = [
    `gateway bench — ${String(machine.cpu)}, ${String(machine.cores)} cores, Node ${String(machine.node)}, load ${String(machine.load_average_1m)}`,
  ];
  for (const variant of BENCH_VARIANTS) {
    const { latency_at_fixed_rate: open, saturated_throughput: closed } = figures[variant];
    const { vs_direct, vs_floor } = figures[variant].added_latency;
    const rate = open.direct.rate_per_second;
    const row = (label: string, value: (name: (typeof BENCH_TARGET_NAMES)[number]) => number) =>
      label.padEnd(24) +
      BENCH_TARGET_NAMES.map((name) => String(value(name)).padStart(12)).join('');
    lines.push(
      '',
      `${variant.toUpperCase().padEnd(24)}${BENCH_TARGET_NAMES.map((name) => name.padStart(12)).join('')}`,
      row(`p50 ms @${rate}/s`, (name) => open[name].p50_ms),
      row(`p99 ms @${rate}/s`, (name) => open[name].p99_ms),
      row(`mean ms @${rate}/s`, (name) => open[name].mean_ms),
      row(`failed @${rate}/s`, (name) => open[name].failed),
      row(
        `req/s @${closed.direct.concurrency} callers`,
        (name) => closed[name].requests_per_second,
      ),
      row(`failed @${closed.direct.concurrency} callers`, (name) => closed[name].failed),
      `CPU µs per call @${closed.direct.concurrency} callers: ${BENCH_TARGET_NAMES.map((name) => `${name} ${JSON.stringify(closed[name].cpu_us_per_call)}`).join(', ')}`,
      `added by tokenops: p50 ${vs_direct.p50_ms} / p99 ${vs_direct.p99_ms} ms vs direct, p50 ${vs_floor.p50_ms} / p99 ${vs_floor.p99_ms} ms vs floor`,
      `throughput tokenops / floor: ${figures[variant].tokenops_to_floor_throughput}`,
      routedLine(figures[variant].routed),
    );
  }
  const memory = (
    label: string,
    atStart: ProcessMemory | undefined,
    after: ProcessMemory | undefined,
  ) =>
    atStart && after
      ? `${label} RSS: ${atStart.rss_mb} MB at start, ${after.rss_mb} MB after the runs, ${after.peak_rss_mb} MB peak`
      : `${label} RSS: not readable (no /proc)`;
  lines.push(
    '',
    memory('gateway', options.gatewayAtStart, options.gatewayMemory),
    memory('routed gateway', options.routedAtStart, options.routedMemory),
    memory('floor', options.floorAtStart, options.floorMemory),
  );
  lines.push('', 'targets');
  for (const check of options.checks) {
    const note = check.note ? ` (${check.note})` : '';
    lines.push(
      `  ${check.pass ? 'PASS' : 'FAIL'}  ${check.name}: ${String(check.value)} (target ${check.target})${note}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** Routing + exact cache: what the miss and the hit runs add, and their throughput. */
function routedLine(routed: VariantFigures['routed']): string {
  const { miss_vs_floor: miss, hit_vs_floor: hit } = routed.added_latency;
  return [
    `routed + cache vs floor: miss p50 ${miss.p50_ms} / p99 ${miss.p99_ms} ms,`,
    `hit p50 ${hit.p50_ms} / p99 ${hit.p99_ms} ms;`,
    `throughput / floor: miss ${routed.miss_to_floor_throughput}, hit ${routed.hit_to_floor_throughput}`,
  ].join(' ');
}
