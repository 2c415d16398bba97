import { calcPrice, type ModelPrice as CatalogModelPrice } from '@pydantic/genai-prices';
import type { ModelPrice, Rate } from './model-price.ts';

/**
 * The only door to @pydantic/genai-prices. We never call its `updatePrices`, so the prices
 * are the ones bundled with the installed version and CATALOG_VERSION names them exactly
 * (catalog.test.ts checks it against the installed package, whose package.json its `exports`
 * do not let us import).
 */
export const CATALOG_VERSION = 'genai-prices@0.1.8';

export interface CatalogPrice {
  /** The catalog's model id, e.g. `claude-sonnet-4-5` for `claude-sonnet-4-5-20250929`. */
  modelId: string;
  modelName: string;
  /** USD per 1M tokens, as in force at the time asked. */
  prices: ModelPrice;
  /** True when the model's price changes with the time of day (off-peak rates). */
  variesWithinDay: boolean;
}

/** Catalog keys of the token rates we price; tool calls and audio/image units are not events. */
const CATALOG_KEYS = {
  input: 'input_mtok',
  output: 'output_mtok',
  cacheRead: 'cache_read_mtok',
  cacheWrite: 'cache_write_mtok',
  cacheWrite1h: 'cache_write_1h_mtok',
  outputReasoning: 'output_reasoning_mtok',
} as const satisfies Record<keyof ModelPrice, string>;

/**
 * The catalog's list price of `model` at `at`, or null when the catalog cannot price it per
 * token. Slow-ish (the catalog scans its model patterns): callers memoise.
 */
export function lookupCatalogPrice(
  catalogProviderId: string,
  model: string,
  at: Date,
): CatalogPrice | null {
  let found: ReturnType<typeof calcPrice>;
  try {
    // Empty usage: we want the matched model and its prices, not the library's total.
    found = calcPrice({}, model, { providerId: catalogProviderId, timestamp: at });
  } catch {
    // Malformed catalog data for one model must not stop pricing: it is priced as missing.
    return null;
  }
  if (!found) return null;
  const prices = toModelPrice(found.model_price);
  if (!prices) return null;
  const history = found.model.prices;
  return {
    modelId: found.model.id,
    modelName: found.model.name ?? found.model.id,
    prices,
    variesWithinDay:
      Array.isArray(history) && history.some((entry) => entry.constraint?.type === 'time_of_date'),
  };
}

function toModelPrice(catalog: CatalogModelPrice): ModelPrice | null {
  const input = toRate(catalog[CATALOG_KEYS.input]);
  const output = toRate(catalog[CATALOG_KEYS.output]);
  // A model priced per image, per second or per request only has no token price to offer.
  if (input === undefined && output === undefined) return null;
  const prices: ModelPrice = { input: input ?? 0, output: output ?? 0 };
  for (const name of ['cacheRead', 'cacheWrite', 'cacheWrite1h', 'outputReasoning'] as const) {
    const rate = toRate(catalog[CATALOG_KEYS[name]]);
    if (rate !== undefined) prices[name] = rate;
  }
  return prices;
}

function toRate(value: CatalogModelPrice[string]): Rate | undefined {
  if (value === undefined || typeof value === 'number') return value;
  return {
    base: value.base,
    tiers: [...value.tiers]
      .sort((a, b) => a.start - b.start)
      .map((tier) => ({ start: tier.start, price: tier.price })),
  };
}
