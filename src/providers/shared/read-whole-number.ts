/**
 * A count read from untrusted JSON: a finite, non-negative whole number, or undefined.
 * Anything else (null, strings, fractions, negatives) is not a count we can bill on.
 */
export function readWholeNumber(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : undefined;
}
