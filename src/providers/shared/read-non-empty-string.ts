/** A string field read from untrusted JSON; empty strings count as absent. */
export function readNonEmptyString(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}
