import type { PricePlan } from './create-plan-resolver.ts';
import { completeModelPrice, RATE_CLASSES, type Rate } from './model-price.ts';
import type { ModelPriceDescription, RateDescription } from './pricer.ts';

/** The readable form of a plan for `tokenops prices show`; null when nothing prices it. */
export function describePricePlan(
  plan: PricePlan,
  currency: string,
  priceVersion: string,
): ModelPriceDescription | null {
  if (!plan.prices || !plan.source) return null;
  const complete = completeModelPrice(plan.prices);
  const rates = {} as ModelPriceDescription['rates'];
  for (const name of RATE_CLASSES) rates[name] = describeRate(complete[name]);
  return {
    provider: plan.provider,
    model: plan.model,
    pricedModel: plan.pricedModel,
    catalogModelId: plan.catalog?.modelId ?? null,
    catalogModelName: plan.catalog?.modelName ?? null,
    source: plan.source,
    currency,
    priceVersion,
    rates,
    serviceTierMultipliers: { ...plan.tierMultipliers },
    discount: plan.discount,
    rules: [...plan.rules],
  };
}

function describeRate(rate: Rate): RateDescription {
  if (typeof rate === 'number') return { perMTok: rate, longContext: [] };
  return {
    perMTok: rate.base,
    longContext: rate.tiers.map((tier) => ({ aboveInputTokens: tier.start, perMTok: tier.price })),
  };
}
