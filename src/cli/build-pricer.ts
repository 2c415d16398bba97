import type { TokenopsConfig } from '../config/index.ts';
import { ConfigError } from '../domain/errors/index.ts';
import { pricerFromSpec, type PricerSpec } from '../ingest/events/pricer-spec.ts';
import type { PriceOverrides, Pricer } from '../pricing/index.ts';
import {
  createProviderRegistry,
  type CompatibleProvider,
  type ProviderRegistry,
} from '../providers/index.ts';

const BUILT_IN_PROVIDERS = createProviderRegistry([]).names();

/** The providers this deployment knows: the built-ins plus the config's compatible servers. */
export function buildProviderRegistry(config: TokenopsConfig): ProviderRegistry {
  return createProviderRegistry(compatibleProviders(config));
}

function compatibleProviders(config: TokenopsConfig): CompatibleProvider[] {
  return Object.entries(config.providers)
    .filter(([name]) => !BUILT_IN_PROVIDERS.includes(name))
    .map(([name, provider]) => {
      if (provider.kind !== 'openai-compatible') {
        throw new ConfigError(
          `providers.${name} is not a built-in provider (${BUILT_IN_PROVIDERS.join(', ')})`,
          `add kind: openai-compatible under providers.${name} if it speaks the OpenAI API`,
        );
      }
      return { name, ...(provider.pricesAs ? { catalogProviderId: provider.pricesAs } : {}) };
    });
}

/** Turns the pricing section of tokenops.yaml into the pricer every door uses. */
export function buildPricer(config: TokenopsConfig): Pricer {
  return pricerFromSpec(buildPricerSpec(config));
}

/** The same pricer as plain data, for a worker thread to build its own. */
export function buildPricerSpec(config: TokenopsConfig): PricerSpec {
  const overrides: PriceOverrides = {
    currency: config.pricing.currency,
    ...(config.pricing.exchangeRate !== undefined
      ? { exchangeRate: config.pricing.exchangeRate }
      : {}),
    rules: config.pricing.overrides,
    tierMultipliers: config.pricing.tiers,
    modelAliases: Object.entries(config.providers).flatMap(([provider, settings]) =>
      Object.entries(settings.deployments ?? {}).map(([alias, model]) => ({
        provider,
        alias,
        model,
      })),
    ),
  };
  return { compatible: compatibleProviders(config), overrides };
}
