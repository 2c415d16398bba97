import { createPricer, type PriceOverrides, type Pricer } from '../../pricing/index.ts';
import { createProviderRegistry, type CompatibleProvider } from '../../providers/index.ts';

/**
 * A pricer as plain data (the config's compatible providers and price overrides), so a worker
 * thread can build the same pricer as the main thread.
 */
export interface PricerSpec {
  compatible: readonly CompatibleProvider[];
  /** The catalog's prices alone when absent. */
  overrides?: PriceOverrides;
}

export function pricerFromSpec(spec: PricerSpec): Pricer {
  return createPricer({
    registry: createProviderRegistry(spec.compatible),
    ...(spec.overrides ? { overrides: spec.overrides } : {}),
  });
}
