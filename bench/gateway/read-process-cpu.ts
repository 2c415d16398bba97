import { readFileSync } from 'node:fs';

/**
 * Linux reports times in USER_HZ ticks, fixed at 100 for user space on every architecture
 * Node runs on, whatever the kernel's internal tick rate.
 */
const TICKS_PER_SECOND = 100;

/**
 * CPU time (user + system) a process has used so far, in ms, from /proc/PID/stat; NaN where
 * there is no /proc. Read before and after a run, it shows which process a call's time goes to.
 */
export function readProcessCpuMs(pid: number): number {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return NaN;
  }
  // The command name (field 2) may hold spaces, so count fields from after its closing paren.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  return (ticks * 1000) / TICKS_PER_SECOND;
}
