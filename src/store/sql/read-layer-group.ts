import type { ServiceTier } from '../../domain/usage-event.ts';
import type { LayerGroup } from '../insights-spec.ts';
import type { Dimension } from '../report-spec.ts';
import { readGroupKeys } from './read-group-keys.ts';
import { textCell } from './text-cell.ts';
import { tokensFromRow } from './event-from-row.ts';

/** A row of the layers query as a LayerGroup (counts may arrive as text or bigint: Number reads both). */
export function readLayerGroup(
  row: Readonly<Record<string, unknown>>,
  dimensions: readonly Dimension[],
): LayerGroup {
  return {
    keys: readGroupKeys(row, dimensions),
    feature: typeof row.feature === 'string' ? row.feature : null,
    provider: textCell(row.provider),
    model: textCell(row.model),
    serviceTier: textCell(row.service_tier) as ServiceTier,
    contextTier: row.context_tier === 'long' ? 'long' : 'standard',
    calls: Number(row.calls),
    unpricedCalls: Number(row.unpriced_calls),
    tokens: tokensFromRow(row),
    lastCall: Number(row.last_call),
    totalCost: Number(row.total_cost),
    retryCost: Number(row.retry_cost),
    outputCost: Number(row.output_cost),
    systemPromptCost: Number(row.system_prompt_cost),
  };
}
