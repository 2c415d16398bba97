import { readFileSync } from 'node:fs';

export interface ProcessMemory {
  /** VmRSS: resident now. */
  rss_mb: number;
  /** VmHWM: the most it was ever resident (the high-water mark). */
  peak_rss_mb: number;
}

/**
 * A process's resident memory from /proc/PID/status (Linux only; undefined elsewhere or once the
 * process is gone), in MB of 2^20 bytes to 1 decimal.
 */
export function readProcessMemory(pid: number): ProcessMemory | undefined {
  let status: string;
  try {
    status = readFileSync(`/proc/${pid}/status`, 'utf8');
  } catch {
    return undefined;
  }
  const field = (name: string): number => {
    const kilobytes = Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]);
    return Math.round((kilobytes / 1024) * 10) / 10;
  };
  return { rss_mb: field('VmRSS'), peak_rss_mb: field('VmHWM') };
}
