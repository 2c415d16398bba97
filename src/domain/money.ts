/**
 * Money is USD unless an override says otherwise. Per-class costs are plain numbers of the
 * currency unit computed from integer token counts and catalog rates; they are summed in the
 * store as DECIMAL with 12 places (pico-dollars) and never rounded before summing.
 */
export interface ClassCosts {
  /** Uncached input tokens. */
  input: number;
  cacheRead: number;
  /** All cache writes, one-hour writes included. */
  cacheWrite: number;
  /** The part of `cacheWrite` spent on one-hour writes (priced apart in FOCUS exports). */
  cacheWrite1h: number;
  /** Every output token, reasoning included. */
  output: number;
  /** The part of `output` spent on reasoning tokens. */
  reasoning: number;
  total: number;
}

export const MONEY_SCALE = 12;

/**
 * An event's costs are stored as DECIMAL(18,12): below one million units of the currency. A
 * larger cost for one call is a misread; letting it through would wrap to a wrong number.
 */
export const MAX_EVENT_COST = 1_000_000;

/** Rounds to the stored precision (1e-12 of the unit), the only rounding a cost sees. */
export function toStoredPrecision(amount: number): number {
  return Math.round(amount * 1e12) / 1e12;
}

export function sumClassCosts(parts: Omit<ClassCosts, 'total'>): ClassCosts {
  const input = toStoredPrecision(parts.input);
  const cacheRead = toStoredPrecision(parts.cacheRead);
  const cacheWrite = toStoredPrecision(parts.cacheWrite);
  const cacheWrite1h = toStoredPrecision(parts.cacheWrite1h);
  const output = toStoredPrecision(parts.output);
  const reasoning = toStoredPrecision(parts.reasoning);
  return {
    input,
    cacheRead,
    cacheWrite,
    cacheWrite1h,
    output,
    reasoning,
    total: toStoredPrecision(input + cacheRead + cacheWrite + output),
  };
}
