import { CATALOG_VERSION } from './catalog.ts';
import { defaultPriceOverrides, hashOverrides, type PriceOverrides } from './overrides.ts';

const DEFAULT_HASH = hashOverrides(defaultPriceOverrides());

/**
 * The label stored with every priced event: the catalog version, plus the overrides' hash
 * when there are any. Two events priced under the same label were priced the same way;
 * `reprice` looks for events whose label differs from the current one.
 */
export function priceVersion(overrides: PriceOverrides): string {
  const hash = hashOverrides(overrides);
  return hash === DEFAULT_HASH ? CATALOG_VERSION : `${CATALOG_VERSION}+overrides.${hash}`;
}
