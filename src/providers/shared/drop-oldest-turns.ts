import type { JsonBody } from '../wire-protocol.ts';

/**
 * `list` without its `count` oldest entries that are turns (`isTurn`); the others (system
 * messages between them) stay in place.
 */
export function dropOldestTurns(
  list: readonly unknown[],
  count: number,
  isTurn: (entry: unknown) => boolean,
): unknown[] {
  let dropped = 0;
  return list.filter((entry) => {
    if (dropped >= count || !isTurn(entry)) return true;
    dropped += 1;
    return false;
  });
}

/** The body's message array under `field`, as an array of anything (callers send junk). */
export function readList(body: JsonBody, field: string): unknown[] | undefined {
  const value = body[field];
  return Array.isArray(value) ? (value as unknown[]) : undefined;
}
