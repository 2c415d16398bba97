import type { Attributes } from './otlp-span.ts';

/**
 * A token count attribute as a number: instrumentations send it as int64, some as a double or
 * a numeric string. Undefined when absent; NaN when present but not a count, so the subset
 * checks downstream reject the span instead of reading it as zero.
 */
export function readTokenCount(attributes: Attributes, key: string): number | undefined {
  const value = attributes.get(key);
  if (value === undefined) return undefined;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && /^\d+$/.test(value)) return Number(value);
  return Number.NaN;
}

/** The first of the keys the span carries, for conventions that renamed an attribute. */
export function readFirstTokenCount(
  attributes: Attributes,
  keys: readonly string[],
): number | undefined {
  for (const key of keys) {
    const count = readTokenCount(attributes, key);
    if (count !== undefined) return count;
  }
  return undefined;
}
