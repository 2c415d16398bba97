export { CATALOG_VERSION } from './catalog.ts';
export { createPricer, type PricerOptions } from './create-pricer.ts';
export type { ModelPrice, Rate, TieredRate } from './model-price.ts';
export {
  defaultPriceOverrides,
  hashOverrides,
  type ModelAlias,
  type PriceOverrides,
  type PriceRule,
  type RulePrices,
} from './overrides.ts';
export { priceUsage, type ContextTier, type PricedUsage } from './price-usage.ts';
export { priceVersion } from './price-version.ts';
export type {
  ModelPriceDescription,
  PriceSource,
  Pricer,
  PricingInput,
  Quote,
  QuoteRequest,
  RateDescription,
} from './pricer.ts';
export type { PricingProvider, ProviderLookup, ReportedUsage } from './pricing-provider.ts';
export { validatePriceOverrides } from './validate-price-overrides.ts';
