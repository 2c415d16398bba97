import type { ReportedUsage } from '../../domain/token-classes.ts';
import { asJsonObject } from '../shared/as-json-object.ts';
import { reportedUsageFromCounts } from '../shared/reported-usage-from-counts.ts';
import { readWholeNumber } from '../shared/read-whole-number.ts';

/**
 * Converse's TokenUsage (`usage` in a response, or in a stream's `metadata` event) as reported:
 * `inputTokens` leaves out the cache reads and writes (normalizeBedrockUsage adds them back).
 * `cacheDetails[]` splits the writes by time to live; the one-hour part is priced higher.
 * `totalTokens` is never read: whether it holds the cache counts is unconfirmed.
 */
export function readBedrockTokenUsage(value: unknown): ReportedUsage | undefined {
  const usage = asJsonObject(value);
  if (!usage) return undefined;
  const details = Array.isArray(usage.cacheDetails) ? usage.cacheDetails.map(asJsonObject) : [];
  const writtenFor = (ttl: string): number | undefined =>
    details.reduce<number | undefined>((sum, detail) => {
      const tokens = detail?.ttl === ttl ? readWholeNumber(detail.inputTokens) : undefined;
      return tokens === undefined ? sum : (sum ?? 0) + tokens;
    }, undefined);
  const oneHour = writtenFor('1h');
  const fiveMinutes = writtenFor('5m');
  const detailedWrites =
    oneHour === undefined && fiveMinutes === undefined
      ? undefined
      : (oneHour ?? 0) + (fiveMinutes ?? 0);
  return reportedUsageFromCounts({
    input: readWholeNumber(usage.inputTokens),
    output: readWholeNumber(usage.outputTokens),
    cacheRead: readWholeNumber(usage.cacheReadInputTokens),
    cacheWrite: readWholeNumber(usage.cacheWriteInputTokens) ?? detailedWrites,
    cacheWrite1h: oneHour,
  });
}
