import type { ReportedUsage } from '../../domain/token-classes.ts';

/**
 * Reported usage from the counts a response carried: a missing count is 0 beside ones that
 * were reported, but when none was reported the usage itself is undefined ("not reported"),
 * so a response without usage is never priced as a free call.
 */
export function reportedUsageFromCounts(
  counts: Partial<Record<keyof ReportedUsage, number | undefined>>,
): ReportedUsage | undefined {
  if (Object.values(counts).every((count) => count === undefined)) return undefined;
  return {
    input: counts.input ?? 0,
    output: counts.output ?? 0,
    cacheRead: counts.cacheRead ?? 0,
    cacheWrite: counts.cacheWrite ?? 0,
    cacheWrite1h: counts.cacheWrite1h ?? 0,
    reasoning: counts.reasoning ?? 0,
  };
}
