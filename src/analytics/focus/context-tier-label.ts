import type { ContextTier } from '../../pricing/index.ts';

/**
 * The context tier as SkuPriceId, SkuPriceDetails and x_ContextTier spell it (the wording of
 * fixtures/focus-example.csv): a model with long-context prices has two price points,
 * `0-200k` and `200k+`; a model without has one, `default`.
 */
export function contextTierLabel(tier: ContextTier, longContextStart: number | null): string {
  if (longContextStart === null || !Number.isFinite(longContextStart)) {
    return tier === 'long' ? 'long' : 'default';
  }
  const threshold = tokenCountLabel(longContextStart);
  return tier === 'long' ? `${threshold}+` : `0-${threshold}`;
}

function tokenCountLabel(tokens: number): string {
  return tokens % 1000 === 0 ? `${tokens / 1000}k` : String(tokens);
}
