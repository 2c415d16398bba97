export interface RevenueAppendResult {
  /** (feature, period) pairs not stored before. */
  inserted: number;
  /** Pairs that replaced an earlier import of the same month. */
  replaced: number;
}
