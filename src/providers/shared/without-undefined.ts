/**
 * A copy without the keys whose value is undefined: readings and request facts leave out
 * what was not seen, so `'model' in reading` and deep equality mean "reported". A plain loop:
 * it runs several times per gateway call, and entries/filter/fromEntries allocated an array
 * per key.
 */
export function withoutUndefined<T extends object>(value: T): T {
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const field = (value as Record<string, unknown>)[key];
    if (field !== undefined) copy[key] = field;
  }
  return copy as T;
}
