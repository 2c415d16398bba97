/**
 * The value as a JSON object, or undefined for null, arrays and primitives: request and
 * response bodies come from callers and servers we do not control, so nothing is assumed.
 */
export function asJsonObject(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}
