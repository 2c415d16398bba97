import { sumClassCosts, type ClassCosts } from '../domain/money.ts';
import type { TokenCounts } from '../domain/token-classes.ts';
import { completeModelPrice, longContextStart, rateAt, type ModelPrice } from './model-price.ts';

export type ContextTier = 'standard' | 'long';

export interface PricedUsage {
  costs: ClassCosts;
  contextTier: ContextTier;
}

/**
 * Prices normalised token counts class by class. Each token is billed once, at the rate of the
 * most specific class it belongs to — uncached input, cache read, five-minute write, one-hour
 * write, reasoning, the rest of output — as the catalog's own calculation does; a missing
 * rate falls back per completeModelPrice. The long-context tier is chosen once for the whole
 * request from its total input, cache reads and writes included (a request of 150k uncached
 * + 60k cache-read tokens is long-context). `multiplier` scales every class (service tier ×
 * (1 − discount)).
 */
export function priceUsage(
  prices: ModelPrice,
  tokens: TokenCounts,
  multiplier: number,
): PricedUsage {
  const rates = completeModelPrice(prices);
  const totalInput = tokens.input;
  const perToken = multiplier / 1e6;
  const uncached = tokens.input - tokens.cacheRead - tokens.cacheWrite;
  const writes5m = tokens.cacheWrite - tokens.cacheWrite1h;
  const visibleOutput = tokens.output - tokens.reasoning;
  const reasoning = tokens.reasoning * rateAt(rates.outputReasoning, totalInput) * perToken;
  const writes1h = tokens.cacheWrite1h * rateAt(rates.cacheWrite1h, totalInput) * perToken;
  return {
    costs: sumClassCosts({
      input: uncached * rateAt(rates.input, totalInput) * perToken,
      cacheRead: tokens.cacheRead * rateAt(rates.cacheRead, totalInput) * perToken,
      cacheWrite: writes5m * rateAt(rates.cacheWrite, totalInput) * perToken + writes1h,
      cacheWrite1h: writes1h,
      output: visibleOutput * rateAt(rates.output, totalInput) * perToken + reasoning,
      reasoning,
    }),
    contextTier: totalInput > longContextStart(prices) ? 'long' : 'standard',
  };
}
