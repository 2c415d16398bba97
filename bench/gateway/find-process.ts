import { readdirSync, readFileSync } from 'node:fs';

/**
 * The id of the first process whose command line (arguments joined by spaces) includes `part`,
 * from /proc; undefined when none does or there is no /proc. For reading the CPU of servers the
 * bench did not spawn itself (Redis) or that hide behind a helper (ClickHouse).
 */
export function findProcess(part: string): number | undefined {
  let entries: string[];
  try {
    entries = readdirSync('/proc').filter((entry) => /^\d+$/.test(entry));
  } catch {
    return undefined;
  }
  for (const entry of entries) {
    try {
      const command = readFileSync(`/proc/${entry}/cmdline`, 'utf8').replaceAll('\0', ' ');
      if (command.includes(part)) return Number(entry);
    } catch {
      // The process ended while the list was read.
    }
  }
  return undefined;
}
