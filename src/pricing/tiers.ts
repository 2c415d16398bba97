import { SERVICE_TIERS, type ServiceTier } from '../domain/usage-event.ts';
import type { PriceOverrides } from './overrides.ts';

export type TierMultipliers = Record<ServiceTier, number>;

/**
 * A provider's list-price multiplier per service tier: the provider adapter's published
 * defaults (batch half price everywhere, flex half price where offered, priority a premium),
 * each replaced by the config's `tierMultipliers.PROVIDER.TIER` when set. The catalog has
 * standard rates only, so tiers are always a multiplier on them.
 */
export function resolveTierMultipliers(
  provider: string,
  defaults: Readonly<Partial<Record<ServiceTier, number>>>,
  overrides: PriceOverrides,
): TierMultipliers {
  const configured = overrides.tierMultipliers[provider] ?? {};
  const multipliers = {} as TierMultipliers;
  for (const tier of SERVICE_TIERS) {
    multipliers[tier] = configured[tier] ?? defaults[tier] ?? 1;
  }
  return multipliers;
}
