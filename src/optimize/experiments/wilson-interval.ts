import { Z95, type Interval } from './interval.ts';

/**
 * Wilson's score interval of a proportion: unlike estimate ± 1.96·SE it stays inside [0, 1]
 * and keeps its coverage near 0 and 1 and for small samples. Counts may be fractional (the
 * projection of `outcomesNeeded` scales them). Null without trials.
 */
export function wilsonInterval(successes: number, trials: number): Interval | null {
  if (trials <= 0) return null;
  const rate = successes / trials;
  const z2 = Z95 * Z95;
  const denominator = 1 + z2 / trials;
  const center = (rate + z2 / (2 * trials)) / denominator;
  const half =
    (Z95 / denominator) * Math.sqrt((rate * (1 - rate)) / trials + z2 / (4 * trials * trials));
  return {
    estimate: rate,
    lower: Math.max(0, center - half),
    upper: Math.min(1, center + half),
  };
}

/**
 * The difference of two proportions (variant − control) with Newcombe's hybrid score
 * interval (his method 10), built from each one's Wilson interval: well behaved for small
 * samples and rates near 0 or 1, where the Wald interval is too narrow.
 */
export function proportionDifference(
  variant: { successes: number; trials: number },
  control: { successes: number; trials: number },
): Interval | null {
  const one = wilsonInterval(variant.successes, variant.trials);
  const two = wilsonInterval(control.successes, control.trials);
  if (!one || !two) return null;
  const estimate = one.estimate - two.estimate;
  return {
    estimate,
    lower: estimate - Math.hypot(one.estimate - one.lower, two.upper - two.estimate),
    upper: estimate + Math.hypot(one.upper - one.estimate, two.estimate - two.lower),
  };
}
