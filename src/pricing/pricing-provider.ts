import type { ReportedUsage, TokenCounts } from '../domain/token-classes.ts';
import type { ServiceTier } from '../domain/usage-event.ts';

export type { ReportedUsage } from '../domain/token-classes.ts';

/** What the pricer needs from a provider adapter; every ProviderAdapter fits it. */
export interface PricingProvider {
  readonly name: string;
  readonly catalogProviderId: string;
  readonly serviceTierMultipliers: Readonly<Partial<Record<ServiceTier, number>>>;
  normalizeReportedUsage(reported: ReportedUsage): TokenCounts;
}

/** What the pricer needs from the provider registry. */
export interface ProviderLookup {
  /** Throws UnknownProviderError for a name it does not know. */
  get(name: string): PricingProvider;
}
