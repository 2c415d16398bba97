import type { ReportedUsage, TokenCounts } from '../domain/token-classes.ts';
import type { ServiceTier } from '../domain/usage-event.ts';
import type { ProviderBatchApi } from './batch-api.ts';
import type { ProviderGateway } from './wire-protocol.ts';

export type { ReportedUsage } from '../domain/token-classes.ts';

/** List-price multiplier per service tier (batch is 0.5: half of the standard rate). */
export type ServiceTierMultipliers = Readonly<Record<ServiceTier, number>>;

/**
 * One provider's knowledge, as small pure functions and data. Shared code reaches a provider
 * only through this interface and the registry; `gateway` holds
 * its request and stream readers.
 */
export interface ProviderAdapter {
  /** The name used in events, the config and the gateway path (`openai`, `anthropic`, …). */
  readonly name: string;
  /** The provider id in the price catalog (`google` for Gemini, `aws` for Bedrock). */
  readonly catalogProviderId: string;
  /** Published tier discounts and premiums; the config can override each. */
  readonly serviceTierMultipliers: ServiceTierMultipliers;
  /** Converts reported counts into the one normalised shape (PRODUCT.md §9). */
  normalizeReportedUsage(reported: ReportedUsage): TokenCounts;
  /** Paths, credentials and wire protocols for the gateway. */
  readonly gateway: ProviderGateway;
  /** Its batch API (`tokenops batch`), for providers that have one. */
  readonly batch?: ProviderBatchApi;
}
