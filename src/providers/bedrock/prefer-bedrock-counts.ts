import type { ReportedUsage } from '../../domain/token-classes.ts';
import { reportedUsageFromCounts } from '../shared/reported-usage-from-counts.ts';
import type { PresentCounts } from './read-bedrock-anthropic-counts.ts';

/**
 * Bedrock's own counts for an InvokeModel call (response headers, or a stream's invocation
 * metrics) are what the bill uses for every model, so they win over the model's native usage.
 * They have no time-to-live split of cache writes, so Claude's one-hour part is carried over
 * when it fits inside Bedrock's write count. Without Bedrock's counts, Claude's stand in.
 */
export function preferBedrockCounts(
  bedrock: ReportedUsage | undefined,
  claude: PresentCounts,
): ReportedUsage | undefined {
  if (!bedrock) return reportedUsageFromCounts(claude);
  const oneHour = claude.cacheWrite1h;
  return oneHour !== undefined && oneHour <= bedrock.cacheWrite
    ? { ...bedrock, cacheWrite1h: oneHour }
    : { ...bedrock };
}
