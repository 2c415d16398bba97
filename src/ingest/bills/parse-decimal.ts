const DECIMAL = /^([+-]?(?:\d+\.?\d*|\.\d+))(?:[eE]([+-]?\d+))?$/;

/**
 * A plain decimal or E-notation number ("0.003", "1.2E-7"), optionally scaled by a power of
 * ten; undefined for anything else ("abc", "1,234", "$5"). Scaling moves the decimal point in
 * the text before converting, so "1842.310" × 10³ is exactly 1842310 and "1152.693" cents
 * ÷ 10² exactly 11.52693 — multiplying the parsed number would add binary rounding noise.
 */
export function parseDecimal(text: string, scale = 0): number | undefined {
  const match = DECIMAL.exec(text.trim());
  if (!match?.[1]) return undefined;
  const exponent = Number(match[2] ?? 0) + scale;
  const value = Number(`${match[1]}e${exponent}`);
  return Number.isFinite(value) ? value : undefined;
}
