/**
 * A varchar column's rows as codes into its distinct values (for a store that takes them as
 * an enum or dictionary): fewer than 256 values in one byte per row, more in two.
 */
export interface StringDictionary {
  names: string[];
  codes: Uint8Array<ArrayBuffer> | Uint16Array<ArrayBuffer>;
}

/** A NUL (an enum member ends at it) or a lone surrogate (two become one U+FFFD in UTF-8). */
const UNSAFE_NAME = /\0|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * The dictionary of a column of few distinct values (providers, models, tags, statuses), or
 * null for one of many (ids), past 65,535 values, with none, or with a value an enum member
 * cannot hold exactly (UNSAFE_NAME: such columns go as plain strings). NULL rows get code 0.
 * Counting stops at an eighth of the rows, so an id column costs a few map inserts.
 */
export function stringDictionary(
  strings: readonly (string | null)[],
  count: number,
): StringDictionary | null {
  const limit = Math.min(65_535, Math.max(16, count >>> 3));
  const index = new Map<string, number>();
  const names: string[] = [];
  const codes = new Uint16Array(count);
  for (let row = 0; row < count; row += 1) {
    const text = strings[row];
    if (text === null || text === undefined) continue;
    let code = index.get(text);
    if (code === undefined) {
      if (names.length === limit || UNSAFE_NAME.test(text)) return null;
      code = names.length;
      index.set(text, code);
      names.push(text);
    }
    codes[row] = code;
  }
  if (names.length === 0) return null;
  return { names, codes: names.length < 256 ? new Uint8Array(codes) : codes };
}
