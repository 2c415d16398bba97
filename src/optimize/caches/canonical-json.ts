/**
 * JSON with every object's keys in sorted order and no whitespace: two bodies that differ only
 * in key order or formatting give the same text, so they share a cache key. Built in one pass
 * of string appends, with keys sorted only when they are not already: it runs on every cached
 * call, and mapping each object's fields to an array and joining it took longer
 * (2.7 against 1.8 µs for the bench's call, 50 against 36 µs for a 12 KB conversation).
 */
export function canonicalJson(value: unknown): string {
  if (typeof value !== 'object' || value === null) return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) {
    let text = '[';
    for (let index = 0; index < value.length; index += 1) {
      if (index > 0) text += ',';
      text += canonicalJson(value[index]);
    }
    return text + ']';
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  if (!inOrder(keys)) keys.sort();
  let text = '{';
  let first = true;
  for (const key of keys) {
    const field = record[key];
    if (field === undefined) continue;
    if (!first) text += ',';
    text += JSON.stringify(key) + ':' + canonicalJson(field);
    first = false;
  }
  return text + '}';
}

function inOrder(keys: readonly string[]): boolean {
  for (let index = 1; index < keys.length; index += 1) {
    if (keys[index - 1]! > keys[index]!) return false;
  }
  return true;
}
