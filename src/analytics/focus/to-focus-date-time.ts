/** FOCUS date-times are UTC, ISO 8601, whole seconds: `YYYY-MM-DDTHH:mm:ssZ` (§2). */
export function toFocusDateTime(epochMilliseconds: number): string {
  return new Date(epochMilliseconds).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
