import { cpus, freemem, hostname, loadavg, totalmem } from 'node:os';

/**
 * The machine block every results file carries. The load average is there because a shared
 * machine's other work shows up directly in tail latencies.
 */
export function describeMachine(): Record<string, unknown> {
  return {
    host: hostname(),
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memory_gib: round(totalmem() / 2 ** 30),
    free_memory_gib: round(freemem() / 2 ** 30),
    load_average_1m: round(loadavg()[0] ?? NaN),
    node: process.version,
  };
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
