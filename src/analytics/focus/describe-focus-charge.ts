import type { ServiceTier } from '../../domain/usage-event.ts';

export interface FocusChargeFacts {
  model: string;
  /** The SkuMeter, e.g. `Cache Write Tokens (5m)`. */
  meter: string;
  serviceTier: ServiceTier;
  /** Set for a long-context price point, whose higher price the description must explain. */
  longContextLabel?: string;
  listUnitPrice: number;
  currency: string;
}

/**
 * ChargeDescription, self-contained as FOCUS asks (model, class, tier, list price), worded as
 * fixtures/focus-example.csv: `o4-mini-2025-04-16 input tokens, standard tier, 1.10 USD per
 * 1M tokens list`.
 */
export function describeFocusCharge(facts: FocusChargeFacts): string {
  const context = facts.longContextLabel ? `, long context ${facts.longContextLabel}` : '';
  const price = `${formatPrice(facts.listUnitPrice)} ${facts.currency} per 1M tokens list`;
  return `${facts.model} ${facts.meter.toLowerCase()}, ${facts.serviceTier} tier${context}, ${price}`;
}

/** Whole prices bare (`3`), others with at least two decimals as prices are quoted (`1.10`). */
function formatPrice(price: number): string {
  if (Number.isInteger(price)) return String(price);
  const [whole, fraction = ''] = price.toFixed(12).replace(/0+$/, '').split('.');
  return `${whole}.${fraction.padEnd(2, '0')}`;
}
