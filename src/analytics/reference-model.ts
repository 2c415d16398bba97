import { ConfigError } from '../domain/errors/index.ts';
import { UNATTRIBUTED } from '../domain/tags.ts';
import { TOKEN_FIELDS, type TokenCounts } from '../domain/token-classes.ts';
import type { Pricer } from '../pricing/index.ts';
import type { LayerGroup } from '../store/insights-spec.ts';

export interface ReferenceModel {
  provider: string;
  model: string;
}

/**
 * What a group's calls would have cost on another model. Stored counts are already
 * normalised, so they go through `Pricer.price` (which takes normalised counts) rather than
 * `quote` (which takes one provider's reported counts and would re-apply its counting rules).
 * The group's average call is priced and multiplied by its calls: pricing the summed counts
 * as one request would wrongly cross long-context thresholds. Null when nothing prices it.
 */
export function priceOnModel(
  group: LayerGroup,
  reference: ReferenceModel,
  pricer: Pricer,
): number | null {
  if (group.calls === 0) return 0;
  const average = {} as TokenCounts;
  for (const field of TOKEN_FIELDS) average[field] = group.tokens[field] / group.calls;
  const pricing = pricer.price({
    timestamp: group.lastCall,
    provider: reference.provider,
    model: reference.model,
    serviceTier: group.serviceTier,
    tokens: average,
  });
  return pricing.effective ? pricing.effective.total * group.calls : null;
}

/**
 * The reference model of each feature: the configured one, else the model used for that
 * feature in the period that would have cost least for all of the feature's tokens. Calls
 * without a feature are compared only with a configured `(unattributed)` reference.
 */
export function chooseReferenceModels(
  groups: readonly LayerGroup[],
  configured: Readonly<Record<string, ReferenceModel>>,
  pricer: Pricer,
): Map<string, ReferenceModel | null> {
  const byFeature = new Map<string, LayerGroup[]>();
  for (const group of groups) {
    const feature = group.feature ?? UNATTRIBUTED;
    byFeature.set(feature, [...(byFeature.get(feature) ?? []), group]);
  }
  const chosen = new Map<string, ReferenceModel | null>();
  for (const [feature, featureGroups] of byFeature) {
    const fixed = configured[feature];
    if (fixed) {
      if (featureGroups.some((group) => priceOnModel(group, fixed, pricer) === null)) {
        throw new ConfigError(
          `allocation.referenceModels.${feature}: nothing prices ${fixed.provider}/${fixed.model}`,
          'name a model the catalog knows (tokenops prices show MODEL), or add a price override',
        );
      }
      chosen.set(feature, fixed);
      continue;
    }
    // Untagged calls mix unrelated features (chat next to embeddings): no model stands in
    // for all of them, so they get no premium unless the config names one.
    chosen.set(feature, feature === UNATTRIBUTED ? null : cheapestUsed(featureGroups, pricer));
  }
  return chosen;
}

function cheapestUsed(groups: readonly LayerGroup[], pricer: Pricer): ReferenceModel | null {
  let best: { model: ReferenceModel; cost: number } | null = null;
  const seen = new Set<string>();
  for (const candidate of groups) {
    const key = `${candidate.provider}/${candidate.model}`;
    if (seen.has(key) || candidate.unpricedCalls === candidate.calls) continue;
    seen.add(key);
    const model = { provider: candidate.provider, model: candidate.model };
    let cost = 0;
    for (const group of groups) {
      const priced = priceOnModel(group, model, pricer);
      if (priced === null) {
        cost = Number.POSITIVE_INFINITY;
        break;
      }
      cost += priced;
    }
    if (cost !== Number.POSITIVE_INFINITY && (best === null || cost < best.cost)) {
      best = { model, cost };
    }
  }
  return best?.model ?? null;
}
