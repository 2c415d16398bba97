const DECIMAL_TEXT = /^(-?)(\d+)(?:\.(\d*))?$/;
const PICO_PER_CENT = 10_000_000_000n;

/**
 * An exact decimal sum as the store writes it ("12.345000000000") in pico-dollars (1e-12 of
 * the unit, the stored precision). Statements are split in integers so they add up exactly;
 * a binary float would lose the last cent on large sums.
 */
export function parsePicoDollars(text: string): bigint {
  const match = DECIMAL_TEXT.exec(text.trim());
  if (!match?.[2]) throw new TypeError(`expected a decimal sum, got "${text}"`);
  const fraction = (match[3] ?? '').padEnd(12, '0');
  if (fraction.length > 12) throw new TypeError(`more than 12 decimal places in "${text}"`);
  const magnitude = BigInt(match[2]) * 1_000_000_000_000n + BigInt(fraction);
  return match[1] === '-' ? -magnitude : magnitude;
}

/** Whole cents below (or equal to) an amount, and the pico-dollars left over. */
export function splitPicoDollars(pico: bigint): { cents: bigint; rest: bigint } {
  let cents = pico / PICO_PER_CENT;
  if (pico < 0n && cents * PICO_PER_CENT !== pico) cents -= 1n;
  return { cents, rest: pico - cents * PICO_PER_CENT };
}

/** Rounded to the nearest cent, halves up: how a period's total is stated. */
export function picoDollarsToCents(pico: bigint): bigint {
  return splitPicoDollars(pico + PICO_PER_CENT / 2n).cents;
}

/** Cents as the dollar amount JSON carries (12.34); exact to the cent. */
export function centsToDollars(cents: bigint): number {
  return Number(cents) / 100;
}
