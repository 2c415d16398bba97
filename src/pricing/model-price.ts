/**
 * One model's list rates, in the currency unit per 1M tokens. A rate is flat or has
 * long-context tiers; a tier's price applies to the WHOLE request (every class) once the
 * request's total input — cache reads and writes included — exceeds `start`. That is how the
 * providers bill it (Gemini 2.5 Pro, Claude Sonnet 4.5 above 200k) and how the catalog's
 * own calculation selects it.
 */
export type Rate = number | TieredRate;

export interface TieredRate {
  base: number;
  /** Sorted by `start`, ascending. */
  tiers: readonly { start: number; price: number }[];
}

export interface ModelPrice {
  input: Rate;
  output: Rate;
  /** Missing: cache reads cost the input rate. */
  cacheRead?: Rate;
  /** Five-minute cache writes. Missing: writes cost the input rate. */
  cacheWrite?: Rate;
  /** Missing: one-hour writes cost the five-minute rate. */
  cacheWrite1h?: Rate;
  /** Missing (the usual case): reasoning costs the output rate. */
  outputReasoning?: Rate;
}

export const RATE_CLASSES = [
  'input',
  'output',
  'cacheRead',
  'cacheWrite',
  'cacheWrite1h',
  'outputReasoning',
] as const satisfies readonly (keyof ModelPrice)[];

/** The rate in force for a request with `totalInput` input tokens. */
export function rateAt(rate: Rate, totalInput: number): number {
  if (typeof rate === 'number') return rate;
  let price = rate.base;
  for (const tier of rate.tiers) {
    if (totalInput > tier.start) price = tier.price;
  }
  return price;
}

/** The input size above which some rate changes tier; Infinity when every rate is flat. */
export function longContextStart(prices: ModelPrice): number {
  let start = Infinity;
  for (const name of RATE_CLASSES) {
    const rate = prices[name];
    if (rate !== undefined && typeof rate !== 'number') {
      const first = rate.tiers[0];
      if (first && first.start < start) start = first.start;
    }
  }
  return start;
}

/** Multiplies every rate (and tier) by `factor`, e.g. to convert USD into another currency. */
export function scaleModelPrice(prices: ModelPrice, factor: number): ModelPrice {
  const scaled = { ...prices };
  for (const name of RATE_CLASSES) {
    const rate = prices[name];
    if (rate !== undefined) scaled[name] = scaleRate(rate, factor);
  }
  return scaled;
}

function scaleRate(rate: Rate, factor: number): Rate {
  if (typeof rate === 'number') return rate * factor;
  return {
    base: rate.base * factor,
    tiers: rate.tiers.map((tier) => ({ start: tier.start, price: tier.price * factor })),
  };
}

/** Every rate spelled out, missing ones replaced by what the provider bills instead. */
export function completeModelPrice(prices: ModelPrice): Required<ModelPrice> {
  const cacheWrite = prices.cacheWrite ?? prices.input;
  return {
    input: prices.input,
    output: prices.output,
    cacheRead: prices.cacheRead ?? prices.input,
    cacheWrite,
    cacheWrite1h: prices.cacheWrite1h ?? cacheWrite,
    outputReasoning: prices.outputReasoning ?? prices.output,
  };
}
