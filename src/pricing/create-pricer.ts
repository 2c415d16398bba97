import { UnknownProviderError, ValidationError } from '../domain/errors/index.ts';
import { toStoredPrecision, type ClassCosts } from '../domain/money.ts';
import { findTokenProblems, type TokenCounts } from '../domain/token-classes.ts';
import type { EventPricing, ServiceTier } from '../domain/usage-event.ts';
import { createPlanCache } from './create-plan-cache.ts';
import {
  createPlanResolver,
  type PricePlan,
  type ProviderPricing,
} from './create-plan-resolver.ts';
import { describePricePlan } from './describe-price-plan.ts';
import { defaultPriceOverrides, type PriceOverrides } from './overrides.ts';
import { priceUsage, type ContextTier } from './price-usage.ts';
import { priceVersion } from './price-version.ts';
import type { Pricer } from './pricer.ts';
import type { PricingProvider, ProviderLookup } from './pricing-provider.ts';
import { resolveTierMultipliers } from './tiers.ts';
import { validatePriceOverrides } from './validate-price-overrides.ts';

export interface PricerOptions {
  registry: ProviderLookup;
  overrides?: PriceOverrides;
}

interface PricedTokens {
  list: ClassCosts;
  effective: ClassCosts;
  contextTier: ContextTier;
}

/** Builds the pricer a composition root hands to every door; throws ValidationError for
 * overrides that cannot be applied. */
export function createPricer({
  registry,
  overrides = defaultPriceOverrides(),
}: PricerOptions): Pricer {
  validatePriceOverrides(overrides);
  const version = priceVersion(overrides);
  const currency = overrides.currency;
  const planAt = createPlanCache(createPlanResolver(overrides));
  // An unknown provider is remembered as its error: price() flags the event, quote() throws.
  const providers = new Map<string, ProviderPricing | UnknownProviderError>();

  function providerPricing(name: string): ProviderPricing | UnknownProviderError {
    let found = providers.get(name);
    if (found === undefined) {
      try {
        const adapter = registry.get(name);
        const tierMultipliers = resolveTierMultipliers(
          name,
          adapter.serviceTierMultipliers,
          overrides,
        );
        found = { adapter, tierMultipliers };
      } catch (error) {
        if (!(error instanceof UnknownProviderError)) throw error;
        found = error;
      }
      providers.set(name, found);
    }
    return found;
  }

  /** For the commands: an unknown provider or a bad date is the caller's error. */
  function planFor(
    provider: string,
    model: string,
    at: Date,
  ): { adapter: PricingProvider; plan: PricePlan } {
    const pricing = providerPricing(provider);
    if (pricing instanceof UnknownProviderError) throw pricing;
    if (Number.isNaN(at.getTime())) {
      throw new ValidationError(
        'price lookup',
        [{ field: 'at', reason: 'is not a valid date' }],
        'give the date as YYYY-MM-DD',
      );
    }
    return { adapter: pricing.adapter, plan: planAt(pricing, model, at.getTime()) };
  }

  return {
    version,

    price(event) {
      const provider = providerPricing(event.provider);
      const plan =
        provider instanceof UnknownProviderError
          ? null
          : planAt(provider, event.model, event.timestamp);
      const priced = plan ? priceTokens(plan, event.tokens, event.serviceTier) : null;
      const pricing: EventPricing = {
        currency,
        priceVersion: version,
        contextTier: priced?.contextTier ?? 'standard',
        list: priced?.list ?? null,
        effective: priced?.effective ?? null,
        // The flag says the price is unknown, even when the source gave a cost: list cost
        // then stays null rather than a silent 0.
        flags: [
          ...(priced ? [] : (['price-missing'] as const)),
          ...(event.usageEstimated ? (['usage-estimated'] as const) : []),
        ],
      };
      if (event.givenCost !== undefined) pricing.effective = givenCosts(event.givenCost);
      return pricing;
    },

    quote({ provider, model, reported, tier, at }) {
      const { adapter, plan } = planFor(provider, model, at);
      const tokens = adapter.normalizeReportedUsage(reported);
      const problems = findTokenProblems(tokens);
      if (problems.length > 0) {
        throw new ValidationError(
          `${provider} usage`,
          problems.map((problem) => ({ field: problem.field, reason: problem.reason })),
          `give the counts as ${provider}'s usage object reports them`,
        );
      }
      const priced = priceTokens(plan, tokens, tier);
      const costs = priced?.effective;
      return {
        provider,
        model,
        currency,
        input_cost: costs?.input ?? null,
        output_cost: costs?.output ?? null,
        cache_read_cost: costs?.cacheRead ?? null,
        cache_write_cost: costs?.cacheWrite ?? null,
        total_cost: costs?.total ?? null,
        priced: priced !== null,
      };
    },

    describe(provider, model, at) {
      return describePricePlan(planFor(provider, model, at).plan, currency, version);
    },
  };
}

function priceTokens(plan: PricePlan, tokens: TokenCounts, tier: ServiceTier): PricedTokens | null {
  if (!plan.prices) return null;
  const multiplier = plan.tierMultipliers[tier];
  const list = priceUsage(plan.prices, tokens, multiplier);
  // A discount lowers what is paid, not the list price: both are kept for reports.
  const effective =
    plan.discount > 0
      ? priceUsage(plan.prices, tokens, multiplier * (1 - plan.discount)).costs
      : list.costs;
  return { list: list.costs, effective, contextTier: list.contextTier };
}

/** A cost the source already knew: the total is exact, the split by class is not known. */
function givenCosts(total: number): ClassCosts {
  return {
    input: 0,
    cacheRead: 0,
    cacheWrite: 0,
    cacheWrite1h: 0,
    output: 0,
    reasoning: 0,
    total: toStoredPrecision(total),
  };
}
