import type { BillingLine } from '../../domain/billing-line.ts';
import type { JsonCursor } from './json-cursor.ts';

type Tiers = Pick<BillingLine, 'serviceTier' | 'contextTier'>;

/**
 * The tiers of an Anthropic usage or cost result. `context_window` `200k-1M` is the long
 * context price point (the whole request is priced higher once its prompt passes 200k
 * tokens); `0-200k` is standard; null when the report was not grouped by it. An unknown
 * service tier is refused rather than filed as standard at the wrong price.
 */
export function anthropicTiers(result: JsonCursor): Tiers {
  const tiers: Tiers = {};
  const serviceTier = result.field('service_tier');
  const tier = serviceTier.optionalString();
  if (tier === 'standard' || tier === 'batch' || tier === 'priority') tiers.serviceTier = tier;
  else if (tier !== undefined) serviceTier.fail(`is "${tier}", not standard, batch or priority`);
  const contextWindow = result.field('context_window');
  const window = contextWindow.optionalString();
  if (window === '0-200k') tiers.contextTier = 'standard';
  else if (window === '200k-1M') tiers.contextTier = 'long';
  else if (window !== undefined) contextWindow.fail(`is "${window}", not 0-200k or 200k-1M`);
  return tiers;
}
