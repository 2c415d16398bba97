import { Z95, type Interval } from './interval.ts';

/** Scores of one variant, as the store sums them. */
export interface ScoreSample {
  count: number;
  sum: number;
  squareSum: number;
}

/** Student's t quantile of 0.975 for 1 to 30 degrees of freedom (scipy.stats.t.ppf, 6 decimals). */
const T975 = [
  12.706205, 4.302653, 3.182446, 2.776445, 2.570582, 2.446912, 2.364624, 2.306004, 2.262157,
  2.228139, 2.200985, 2.178813, 2.160369, 2.144787, 2.13145, 2.119905, 2.109816, 2.100922, 2.093024,
  2.085963, 2.079614, 2.073873, 2.068658, 2.063899, 2.059539, 2.055529, 2.051831, 2.048407, 2.04523,
  2.042272,
];

/**
 * The 0.975 quantile of Student's t: the table up to 30 degrees of freedom (fractional ones,
 * from Welch's formula, rounded down: the wider interval), above that the Cornish-Fisher
 * expansion around the normal quantile (Abramowitz & Stegun 26.7.5), within 1e-7 there.
 */
export function studentT975(degrees: number): number {
  if (degrees <= 30) return T975[Math.max(1, Math.floor(degrees)) - 1] as number;
  const z = Z95;
  const g1 = (z ** 3 + z) / 4;
  const g2 = (5 * z ** 5 + 16 * z ** 3 + 3 * z) / 96;
  const g3 = (3 * z ** 7 + 19 * z ** 5 + 17 * z ** 3 - 15 * z) / 384;
  const g4 = (79 * z ** 9 + 776 * z ** 7 + 1482 * z ** 5 - 1920 * z ** 3 - 945 * z) / 92_160;
  return z + g1 / degrees + g2 / degrees ** 2 + g3 / degrees ** 3 + g4 / degrees ** 4;
}

/** Mean and sample variance; the variance is clamped at 0 against rounding of the sums. */
function moments(sample: ScoreSample): { mean: number; variance: number } {
  const mean = sample.sum / sample.count;
  const variance = Math.max(0, (sample.squareSum - sample.sum * mean) / (sample.count - 1));
  return { mean, variance };
}

/** The mean score with a t interval; null below two scores (no variance to go on). */
export function meanInterval(sample: ScoreSample): Interval | null {
  if (sample.count < 2) return null;
  const { mean, variance } = moments(sample);
  const half = studentT975(sample.count - 1) * Math.sqrt(variance / sample.count);
  return { estimate: mean, lower: mean - half, upper: mean + half };
}

/**
 * The difference of two mean scores (variant − control) with Welch's interval, which does not
 * assume equal variances. `scale` multiplies both counts, keeping means and variances: what
 * the interval would be with that many times the scores (for `outcomesNeeded`).
 */
export function meanDifference(
  variant: ScoreSample,
  control: ScoreSample,
  scale = 1,
): Interval | null {
  if (variant.count < 2 || control.count < 2) return null;
  const one = moments(variant);
  const two = moments(control);
  const n1 = variant.count * scale;
  const n2 = control.count * scale;
  const estimate = one.mean - two.mean;
  const part1 = one.variance / n1;
  const part2 = two.variance / n2;
  const error = Math.sqrt(part1 + part2);
  if (error === 0) return { estimate, lower: estimate, upper: estimate };
  const degrees = (part1 + part2) ** 2 / (part1 ** 2 / (n1 - 1) + part2 ** 2 / (n2 - 1));
  const half = studentT975(degrees) * error;
  return { estimate, lower: estimate - half, upper: estimate + half };
}
