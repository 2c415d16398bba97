import type { FieldIssue } from '../../domain/errors/index.ts';

/** A surrogate half without its partner: JSON can escape one, but no text encoding holds it. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * The first string (key or value) of an event that holds a lone UTF-16 surrogate. The store
 * would keep a replacement character instead, so a model or tag would silently change.
 */
export function findMalformedText(value: unknown, path = ''): FieldIssue | undefined {
  if (typeof value === 'string') {
    return LONE_SURROGATE.test(value)
      ? { field: path || '(event)', reason: 'holds a lone UTF-16 surrogate (a broken \\u escape)' }
      : undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  for (const [key, item] of Object.entries(value)) {
    const field = path ? `${path}.${key}` : key;
    const found = findMalformedText(key, field) ?? findMalformedText(item, field);
    if (found) return found;
  }
  return undefined;
}
