/** A point estimate with its two-sided 95 % interval. */
export interface Interval {
  estimate: number;
  lower: number;
  upper: number;
}

/** The normal quantile of 0.975: a two-sided 95 % interval is the estimate ± Z95 standard errors. */
export const Z95 = 1.959963984540054;
