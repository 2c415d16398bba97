import type { EventPricing, ServiceTier, UsageEvent } from '../domain/usage-event.ts';
import type { PriceRule } from './overrides.ts';
import type { ReportedUsage } from './pricing-provider.ts';

export interface Pricer {
  /** The catalog and override version every price from this pricer carries. */
  readonly version: string;
  /**
   * Prices one event. Never throws: an unknown model (or provider) gives null list and
   * effective costs and the `price-missing` flag. When the source gave a cost
   * (`event.givenCost`), it is the effective total (the classes are 0) and list is still the
   * catalog's price when known.
   */
  price(event: PricingInput): EventPricing;
  /** For `tokenops prices cost`. Throws UnknownProviderError, or ValidationError for counts
   * that break the provider's subset rules. */
  quote(request: QuoteRequest): Quote;
  /** For `tokenops prices show MODEL`: null when nothing prices the model. */
  describe(provider: string, model: string, at: Date): ModelPriceDescription | null;
}

/** The parts of a call its price depends on. */
export type PricingInput = Pick<
  UsageEvent,
  'provider' | 'model' | 'timestamp' | 'tokens' | 'serviceTier' | 'givenCost' | 'usageEstimated'
>;

export interface QuoteRequest {
  provider: string;
  model: string;
  /** Counted the way that provider's usage object counts (`--input` is its input field). */
  reported: ReportedUsage;
  tier: ServiceTier;
  at: Date;
}

/**
 * Exactly the JSON of `tokenops prices cost --format json` (PRODUCT.md §9); effective costs.
 * A type, not an interface, so it passes as a plain record to table and CSV writers.
 */
export type Quote = {
  provider: string;
  model: string;
  currency: string;
  /** Uncached input only. */
  input_cost: number | null;
  /** Reasoning included. */
  output_cost: number | null;
  cache_read_cost: number | null;
  cache_write_cost: number | null;
  total_cost: number | null;
  priced: boolean;
};

export type PriceSource = 'catalog' | 'custom' | 'self-hosted';

export interface RateDescription {
  /** Per 1M tokens at the standard context length. */
  perMTok: number;
  /** Higher rates for the whole request once its total input exceeds `aboveInputTokens`. */
  longContext: { aboveInputTokens: number; perMTok: number }[];
}

export interface ModelPriceDescription {
  provider: string;
  model: string;
  /** The model priced: `model` after the config's aliases. */
  pricedModel: string;
  catalogModelId: string | null;
  catalogModelName: string | null;
  source: PriceSource;
  currency: string;
  priceVersion: string;
  /** Standard-tier list rates, each missing rate shown as the one billed instead. */
  rates: Record<
    'input' | 'cacheRead' | 'cacheWrite' | 'cacheWrite1h' | 'output' | 'outputReasoning',
    RateDescription
  >;
  serviceTierMultipliers: Record<ServiceTier, number>;
  /** Fraction off the effective cost; 0 when no discount rule applies. */
  discount: number;
  /** The override rules that apply to this model on that date, in config order. */
  rules: PriceRule[];
}
