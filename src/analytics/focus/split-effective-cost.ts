import { toStoredPrecision } from '../../domain/money.ts';

export interface ClassShare {
  tokens: number;
  list: number;
  /** The effective cost the pricer attached to this class. */
  effective: number;
}

/**
 * The effective cost of each row. A cost the source gave (UsageEvent.givenCost) is an
 * effective total with no split by class, so a group's class costs can fall short of its
 * effective total. FOCUS forbids a row that hides what was paid, so the remainder is spread
 * over the rows in proportion to their list cost (their tokens when nothing has a list price),
 * the last row taking the rounding so the rows add up to the total exactly.
 */
export function splitEffectiveCost(total: number, shares: readonly ClassShare[]): number[] {
  const classCosts = shares.map((share) => share.effective);
  const remainder = toStoredPrecision(total - sum(classCosts));
  if (remainder === 0 || shares.length === 0) return classCosts;
  const listTotal = sum(shares.map((share) => share.list));
  const weightOf = (share: ClassShare) => (listTotal > 0 ? share.list : share.tokens);
  const weightTotal = sum(shares.map(weightOf));
  let spread = 0;
  return shares.map((share, index) => {
    const part =
      index === shares.length - 1
        ? toStoredPrecision(remainder - spread)
        : toStoredPrecision((remainder * weightOf(share)) / weightTotal);
    spread += part;
    return toStoredPrecision(share.effective + part);
  });
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
