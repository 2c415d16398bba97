import type { Interval } from './interval.ts';
import type { QualityMetric } from './quality-difference.ts';

/** A quantity of the metric for people: points of success rate, or score units. */
export function formatQuality(metric: QualityMetric, value: number, signed = false): string {
  const sign = signed && value > 0 ? '+' : '';
  if (metric === 'success_rate') return `${sign}${(value * 100).toFixed(1)} points`;
  return `${sign}${Number(value.toPrecision(3))}`;
}

/** `success rate -1.0 points (95 %: -3.9 points to +1.8 points)` */
export function describeDifference(metric: QualityMetric, difference: Interval): string {
  const label = metric === 'success_rate' ? 'success rate' : 'mean score';
  const at = (value: number) => formatQuality(metric, value, true);
  return `${label} ${at(difference.estimate)} (95 %: ${at(difference.lower)} to ${at(difference.upper)})`;
}

/** Dollars to four significant digits (costs per outcome are often fractions of a cent). */
export function formatMoney(amount: number | null): string {
  if (amount === null) return 'none (no good outcome)';
  const digits = amount > 0 ? Math.min(12, Math.max(2, 3 - Math.floor(Math.log10(amount)))) : 2;
  return `$${amount.toFixed(digits)}`;
}
