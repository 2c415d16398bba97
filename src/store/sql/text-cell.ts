/** A VARCHAR cell as text; anything else means the query and its reader disagree (a bug). */
export function textCell(value: unknown): string {
  if (typeof value === 'string') return value;
  throw new TypeError(`expected a text column, got ${typeof value}`);
}
