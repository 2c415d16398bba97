import type { YieldGroup } from '../insights-spec.ts';
import type { Dimension } from '../report-spec.ts';
import { readGroupKeys } from './read-group-keys.ts';

/** A row of the yield query as a YieldGroup (sums may arrive as text or bigint: Number reads both). */
export function readYieldGroup(
  row: Readonly<Record<string, unknown>>,
  dimensions: readonly Dimension[],
): YieldGroup {
  return {
    keys: readGroupKeys(row, dimensions),
    calls: Number(row.calls),
    tokens: Number(row.tokens ?? 0),
    successTokens: Number(row.success_tokens ?? 0),
    failureTokens: Number(row.failure_tokens ?? 0),
    noOutcomeTokens: Number(row.no_outcome_tokens ?? 0),
    goodputTokens: Number(row.goodput_tokens ?? 0),
  };
}
