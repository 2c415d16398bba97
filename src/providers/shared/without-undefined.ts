/**
 * A copy without the keys whose value is undefined: readings and request facts leave out
 * what was not seen, so `'model' in reading` and deep equality mean "reported".
 */
export function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}
