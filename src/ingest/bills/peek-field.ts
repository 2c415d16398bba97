/**
 * A nested field of a value that may be anything, or undefined: recognisers look at a
 * document's shape without ever throwing, so a wrong file gets a clear refusal instead.
 */
export function peekField(value: unknown, ...path: string[]): unknown {
  let current = value;
  for (const name of path) {
    if (typeof current !== 'object' || current === null || Array.isArray(current)) return undefined;
    current = (current as Record<string, unknown>)[name];
  }
  return current;
}
