/** One feature's revenue for one calendar month, as `tokenops import --format revenue` reads it. */
export interface RevenueLine {
  feature: string;
  /** The month, `YYYY-MM` (UTC). With the feature, the line's identity: a re-import replaces it. */
  period: string;
  amount: number;
  /** ISO 4217; always the currency costs are reported in (pricing.currency). */
  currency: string;
}
