import { percentile } from './percentile.ts';

export interface LatencySummary {
  requests: number;
  p50_ms: number;
  p99_ms: number;
  mean_ms: number;
  max_ms: number;
}

/** p50 / p99 / mean / max of latencies in ms, to 3 decimals (microseconds matter here). */
export function summarizeLatency(milliseconds: readonly number[]): LatencySummary {
  const sorted = [...milliseconds].sort((a, b) => a - b);
  const total = sorted.reduce((sum, value) => sum + value, 0);
  return {
    requests: sorted.length,
    p50_ms: roundMs(percentile(sorted, 0.5)),
    p99_ms: roundMs(percentile(sorted, 0.99)),
    mean_ms: roundMs(sorted.length > 0 ? total / sorted.length : NaN),
    max_ms: roundMs(sorted.at(-1) ?? NaN),
  };
}

export function roundMs(value: number): number {
  return Math.round(value * 1000) / 1000;
}
