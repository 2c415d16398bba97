import { picoDollarsToCents, splitPicoDollars } from '../../domain/pico-dollars.ts';
import { distributeLeftover } from './distribute-leftover.ts';

/**
 * Exact amounts (pico-dollars) as whole cents that add up to their total rounded to the cent.
 * Rounding each amount on its own could leave the statement a cent or two off the period's
 * spend; largest remainder puts those cents on the amounts that lost most to the floor.
 */
export function roundToCents(amounts: readonly bigint[]): bigint[] {
  const parts = amounts.map(splitPicoDollars);
  const total = picoDollarsToCents(amounts.reduce((sum, amount) => sum + amount, 0n));
  const floors = parts.map((part) => part.cents);
  const leftover = total - floors.reduce((sum, cents) => sum + cents, 0n);
  return distributeLeftover(
    floors,
    parts.map((part) => part.rest),
    leftover,
  );
}
