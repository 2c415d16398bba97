import type { ServiceTier } from '../domain/usage-event.ts';

/**
 * What the organisation knows about its prices that the catalog cannot: negotiated discounts,
 * private and self-hosted models, tier rates, deployment names, currency. Applied on top of the
 * catalog; a change shows as a new price version (price-version.ts), never as silently
 * rewritten history.
 */
export interface PriceOverrides {
  /** ISO 4217 code every cost is reported in. Default `USD`. */
  currency: string;
  /**
   * Units of `currency` per US dollar, applied to catalog prices (which are USD). Required when
   * `currency` is not USD; rule prices and GPU-hour costs are already in `currency`.
   */
  exchangeRate?: number;
  /** Later rules win when several match the same call. */
  rules: PriceRule[];
  /** Per provider, replaces the adapter's published tier multipliers. */
  tierMultipliers: Record<string, Partial<Record<ServiceTier, number>>>;
  /** E.g. an Azure deployment name → the base model it serves. */
  modelAliases: ModelAlias[];
}

export interface ModelAlias {
  provider: string;
  alias: string;
  model: string;
}

export interface PriceRule {
  /** Exact provider name; any provider when absent. */
  provider?: string;
  /** Exact model or a glob with `*`, matched case-insensitively against the called model and
   * the model an alias maps it to; any model when absent. */
  model?: string;
  /** YYYY-MM-DD (UTC); the rule applies to calls at or after the start of that day. */
  effectiveFrom?: string;
  /** Fraction 0..1 off the EFFECTIVE cost (negotiated or committed-use); list cost keeps the
   * public price, so reports can show both. */
  discount?: number;
  /** A custom LIST price (private or fine-tuned models), per 1M tokens; replaces the catalog. */
  prices?: RulePrices;
  /** A self-hosted model: every token, input or output, costs gpuHourCost / 3600 /
   * tokensPerSecond. Replaces the catalog; service-tier multipliers do not apply (the GPU
   * costs the same whatever the tier). */
  selfHosted?: { gpuHourCost: number; tokensPerSecond: number };
}

export interface RulePrices {
  inputPerMTok: number;
  outputPerMTok: number;
  cacheReadPerMTok?: number;
  cacheWritePerMTok?: number;
  cacheWrite1hPerMTok?: number;
}

export function defaultPriceOverrides(): PriceOverrides {
  return { currency: 'USD', rules: [], tierMultipliers: {}, modelAliases: [] };
}

/** A short stable hash (FNV-1a, 32 bits, hex) of the overrides, whatever their key order. */
export function hashOverrides(overrides: PriceOverrides): string {
  const text = canonicalJson(overrides);
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/** JSON with object keys sorted and undefined members dropped; array order is kept (rule
 * order matters). */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const members = Object.entries(value)
      .filter(([, member]) => member !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, member]) => `${JSON.stringify(key)}:${canonicalJson(member)}`);
    return `{${members.join(',')}}`;
  }
  return JSON.stringify(value);
}
