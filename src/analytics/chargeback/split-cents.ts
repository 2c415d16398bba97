import { distributeLeftover } from './distribute-leftover.ts';

/**
 * Splits whole cents by integer weights with largest-remainder rounding: the shares add up to
 * `cents` exactly ($100.00 three ways is 33.34 + 33.33 + 33.33). Weights must not all be 0.
 */
export function splitCents(cents: bigint, weights: readonly bigint[]): bigint[] {
  if (cents < 0n) return splitCents(-cents, weights).map((share) => -share);
  const total = weights.reduce((sum, weight) => sum + weight, 0n);
  if (total <= 0n) throw new RangeError('splitCents needs a positive total weight');
  const floors = weights.map((weight) => (cents * weight) / total);
  const remainders = weights.map((weight) => (cents * weight) % total);
  const leftover = cents - floors.reduce((sum, share) => sum + share, 0n);
  return distributeLeftover(floors, remainders, leftover);
}
