import { toStoredPrecision } from '../domain/money.ts';
import { UNATTRIBUTED } from '../domain/tags.ts';
import type { Pricer } from '../pricing/index.ts';
import type { InsightSpec, LayerGroup } from '../store/insights-spec.ts';
import { chooseReferenceModels, priceOnModel, type ReferenceModel } from './reference-model.ts';

/** One group's spend in layers (docs/layers.md); the first four add up to `total_cost`. */
export type LayersRow = {
  [dimension: string]: string | number | null;
  calls: number;
  total_cost: number;
  system_prompt_cost: number;
  context_cost: number;
  output_cost: number;
  retry_cost: number;
  /** Spend above what the same tokens would have cost on each feature's reference model. */
  model_premium_cost: number;
  system_prompt_share: number | null;
  context_share: number | null;
  output_share: number | null;
  retry_share: number | null;
  model_premium_share: number | null;
  /** provider/model of each feature's reference, `;`-separated when the group spans features. */
  reference_model: string;
};

interface Sums {
  keys: Record<string, string>;
  calls: number;
  total: number;
  systemPrompt: number;
  output: number;
  retry: number;
  premium: number;
  references: Set<string>;
}

/**
 * Sums the store's layer groups into one row per grouped value and adds the model-choice
 * premium: per price point, the actual cost less the reference model's price of the same
 * tokens, never below 0 (a model cheaper than the reference saves nothing to report).
 * Context is what is left of the total, so the four layers add up to it exactly.
 */
export function buildLayersReport(
  spec: InsightSpec,
  groups: readonly LayerGroup[],
  referenceModels: Readonly<Record<string, ReferenceModel>>,
  pricer: Pricer,
): LayersRow[] {
  const references = chooseReferenceModels(groups, referenceModels, pricer);
  const rows = new Map<string, Sums>();
  for (const group of groups) {
    const id = JSON.stringify(spec.dimensions.map((dimension) => group.keys[dimension]));
    const sums = rows.get(id) ?? {
      keys: group.keys,
      calls: 0,
      total: 0,
      systemPrompt: 0,
      output: 0,
      retry: 0,
      premium: 0,
      references: new Set<string>(),
    };
    rows.set(id, sums);
    sums.calls += group.calls;
    sums.total += group.totalCost;
    sums.systemPrompt += group.systemPromptCost;
    sums.output += group.outputCost;
    sums.retry += group.retryCost;
    const reference = references.get(group.feature ?? UNATTRIBUTED);
    if (!reference) continue;
    sums.references.add(`${reference.provider}/${reference.model}`);
    // The reference itself has no premium; pricing it again would only add rounding noise.
    if (reference.provider === group.provider && reference.model === group.model) continue;
    const referenceCost = priceOnModel(group, reference, pricer);
    if (referenceCost !== null && group.unpricedCalls === 0) {
      sums.premium += Math.max(0, group.totalCost - referenceCost);
    }
  }
  return [...rows.values()].map(toRow).sort((a, b) => b.total_cost - a.total_cost);
}

function toRow(sums: Sums): LayersRow {
  const total = toStoredPrecision(sums.total);
  const systemPrompt = toStoredPrecision(sums.systemPrompt);
  const output = toStoredPrecision(sums.output);
  const retry = toStoredPrecision(sums.retry);
  const context = toStoredPrecision(total - systemPrompt - output - retry);
  const premium = toStoredPrecision(sums.premium);
  const share = (value: number) => (total > 0 ? Math.round((value / total) * 1e6) / 1e6 : null);
  return {
    ...sums.keys,
    calls: sums.calls,
    total_cost: total,
    system_prompt_cost: systemPrompt,
    context_cost: context,
    output_cost: output,
    retry_cost: retry,
    model_premium_cost: premium,
    system_prompt_share: share(systemPrompt),
    context_share: share(context),
    output_share: share(output),
    retry_share: share(retry),
    model_premium_share: share(premium),
    reference_model: [...sums.references].sort().join('; '),
  };
}
