import type { SplitVariant } from './routing-rule.ts';

/** The variant a draw in [0, 1) falls on, the variants laid end to end by percent. */
export function pickVariant(variants: readonly SplitVariant[], draw: number): SplitVariant {
  let end = 0;
  for (const variant of variants) {
    end += variant.percent / 100;
    if (draw < end) return variant;
  }
  // Rounding can leave the sum a hair under 1: the last variant takes the rest.
  return variants[variants.length - 1] as SplitVariant;
}

/**
 * A draw in [0, 1) fixed by `key` (FNV-1a, 32 bits): the same user of the same experiment
 * always lands on the same variant, so what they see does not flip from call to call.
 */
export function stickyDraw(key: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < key.length; index += 1) {
    hash ^= key.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) / 0x1_0000_0000;
}
