/**
 * Tags as stable text for a natural key: the same tags in any order give the same text. Used
 * where tags tell rows apart (a row per label set) and no row id exists.
 */
export function canonicalTags(tags: Record<string, string> | undefined): string | undefined {
  if (!tags || Object.keys(tags).length === 0) return undefined;
  return JSON.stringify(Object.entries(tags).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
