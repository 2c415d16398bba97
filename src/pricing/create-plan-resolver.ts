import { lookupCatalogPrice, type CatalogPrice } from './catalog.ts';
import { createRuleMatcher } from './match-price-rules.ts';
import { scaleModelPrice, type ModelPrice } from './model-price.ts';
import type { PriceOverrides, PriceRule } from './overrides.ts';
import type { PriceSource } from './pricer.ts';
import type { PricingProvider } from './pricing-provider.ts';
import type { TierMultipliers } from './tiers.ts';

/** Everything needed to price one model on one day, resolved once and memoised. */
export interface PricePlan {
  provider: string;
  model: string;
  pricedModel: string;
  catalog: CatalogPrice | null;
  source: PriceSource | null;
  /** Standard-tier list rates in the overrides' currency; null when nothing prices the model. */
  prices: ModelPrice | null;
  tierMultipliers: TierMultipliers;
  /** Fraction off the effective cost. */
  discount: number;
  rules: PriceRule[];
  variesWithinDay: boolean;
}

export interface ProviderPricing {
  adapter: PricingProvider;
  tierMultipliers: TierMultipliers;
}

export type PlanResolver = (provider: ProviderPricing, model: string, at: Date) => PricePlan;

/** A GPU-hour is the same cost whatever tier the request was tagged with. */
const NO_TIER_EFFECT: TierMultipliers = { standard: 1, batch: 1, flex: 1, priority: 1 };

export function createPlanResolver(overrides: PriceOverrides): PlanResolver {
  const matchRules = createRuleMatcher(overrides.rules);
  const aliases = new Map(
    overrides.modelAliases.map((a) => [aliasKey(a.provider, a.alias), a.model] as const),
  );
  const exchangeRate = overrides.exchangeRate ?? 1;

  return ({ adapter, tierMultipliers }, model, at) => {
    const pricedModel = aliases.get(aliasKey(adapter.name, model)) ?? model;
    const catalog = lookupCatalogPrice(adapter.catalogProviderId, pricedModel, at);
    const rules = matchRules(
      adapter.name,
      pricedModel === model ? [model] : [model, pricedModel],
      at,
    );
    const plan: PricePlan = {
      provider: adapter.name,
      model,
      pricedModel,
      catalog,
      source: catalog ? 'catalog' : null,
      prices: catalog ? catalogPrices(catalog.prices, exchangeRate) : null,
      tierMultipliers,
      discount: rules.discount?.discount ?? 0,
      rules: rules.all,
      variesWithinDay: catalog?.variesWithinDay ?? false,
    };
    const custom = rules.price;
    if (custom?.selfHosted) {
      const { gpuHourCost, tokensPerSecond } = custom.selfHosted;
      const perMTok = (gpuHourCost * 1e6) / (3600 * tokensPerSecond);
      plan.source = 'self-hosted';
      plan.prices = { input: perMTok, output: perMTok, cacheRead: perMTok, cacheWrite: perMTok };
      plan.tierMultipliers = NO_TIER_EFFECT;
    } else if (custom?.prices) {
      const p = custom.prices;
      plan.source = 'custom';
      plan.prices = { input: p.inputPerMTok, output: p.outputPerMTok };
      if (p.cacheReadPerMTok !== undefined) plan.prices.cacheRead = p.cacheReadPerMTok;
      if (p.cacheWritePerMTok !== undefined) plan.prices.cacheWrite = p.cacheWritePerMTok;
      if (p.cacheWrite1hPerMTok !== undefined) plan.prices.cacheWrite1h = p.cacheWrite1hPerMTok;
    }
    return plan;
  };
}

/** Catalog prices are USD; other currencies convert them at the configured rate. */
function catalogPrices(prices: ModelPrice, exchangeRate: number): ModelPrice {
  return exchangeRate === 1 ? prices : scaleModelPrice(prices, exchangeRate);
}

/** Aliases match case-insensitively, like model names in the catalog. */
function aliasKey(provider: string, alias: string): string {
  return `${provider}\u0000${alias.toLowerCase()}`;
}
