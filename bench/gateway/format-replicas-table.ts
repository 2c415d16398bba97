import type { StoredRequestTally } from '../../test/helpers/tally-stored-requests.ts';
import { BENCH_VARIANTS, type BenchVariant } from './bench-call.ts';
import {
  REPLICAS_TARGET_NAMES,
  type ReplicasTargetName,
  type ReplicasVariantFigures,
} from './measure-replicas-variant.ts';
import type { ProcessMemory } from './read-process-memory.ts';

export interface GatewayMemory {
  at_start: ProcessMemory | null;
  after_runs: ProcessMemory | null;
}

/** The replicas run as a table a person reads at a glance; the results file holds the rest. */
export function formatReplicasTable(options: {
  machine: Record<string, unknown>;
  figures: Record<BenchVariant, ReplicasVariantFigures>;
  cache: Record<string, Record<string, number>>;
  callsPerReplica: Record<string, number>;
  memory: Record<string, GatewayMemory>;
  stored: StoredRequestTally;
  storedWithinMs: number | null;
  inserts: Record<string, number>;
}): string {
  const { machine, figures } = options;
  const lines = [
    `gateway replicas bench — ${String(machine.cpu)}, ${String(machine.cores)} cores shared by every process below, Node ${String(machine.node)}, load ${String(machine.load_average_1m)}`,
  ];
  for (const variant of BENCH_VARIANTS) {
    const { latency_at_fixed_rate: open, saturated_throughput: closed } = figures[variant];
    const rate = open.direct.rate_per_second;
    const callers = closed.direct.concurrency;
    const row = (label: string, value: (name: ReplicasTargetName) => number) =>
      label.padEnd(22) +
      REPLICAS_TARGET_NAMES.map((name) => String(value(name)).padStart(14)).join('');
    const byProcess = REPLICAS_TARGET_NAMES.filter((name) => name !== 'direct')
      .map((name) => `${name} ${JSON.stringify(closed[name].cpu_us_per_call)}`)
      .join(', ');
    lines.push(
      '',
      `${variant.toUpperCase().padEnd(22)}${REPLICAS_TARGET_NAMES.map((name) => name.padStart(14)).join('')}`,
      row(`p50 ms @${rate}/s`, (name) => open[name].p50_ms),
      row(`p99 ms @${rate}/s`, (name) => open[name].p99_ms),
      row(`failed @${rate}/s`, (name) => open[name].failed),
      row(`req/s @${callers} callers`, (name) => closed[name].requests_per_second),
      row(`failed @${callers} callers`, (name) => closed[name].failed),
      row(`CPU µs/call @${callers}`, (name) => totalCpu(closed[name].cpu_us_per_call)),
      `saturated throughput, two replicas / one gateway: ${figures[variant].two_to_one_throughput}`,
      `CPU µs per call @${callers} callers, by process: ${byProcess}`,
    );
  }
  const memory = Object.entries(options.memory).map(([name, { at_start, after_runs }]) =>
    at_start && after_runs
      ? `  ${name}: ${at_start.rss_mb} MB at start, ${after_runs.rss_mb} MB after the runs, ${after_runs.peak_rss_mb} MB peak`
      : `  ${name}: not readable (no /proc)`,
  );
  const { stored } = options;
  lines.push(
    '',
    `exact cache outcomes: ${Object.entries(options.cache)
      .map(([name, outcomes]) => `${name} ${JSON.stringify(outcomes)}`)
      .join(', ')}`,
    `calls per replica (round robin): ${JSON.stringify(options.callsPerReplica)}`,
    'gateway RSS',
    ...memory,
    '',
    `ClickHouse: ${stored.completed} completed calls, ${stored.stored_once} stored once, ${stored.missing} missing, ${stored.doubled} doubled, ${stored.stored_without_completed_call} events of calls that did not complete`,
    options.storedWithinMs === null
      ? '  not all stored while the gateways ran; the figures above are after they stopped'
      : `  every completed call stored ${options.storedWithinMs} ms after the last one ended`,
    `  ${options.inserts.insert_queries} inserts of ${options.inserts.rows_per_insert} rows on average, ${options.inserts.rows_merged} rows merged`,
  );
  return `${lines.join('\n')}\n`;
}

/** Every process on the path together: on a machine this small, what bounds throughput. */
function totalCpu(perProcess: Record<string, number>): number {
  return Object.values(perProcess).reduce((sum, value) => sum + value, 0);
}
