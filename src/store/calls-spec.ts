import type { ReportFilter } from './report-spec.ts';

/** Which stored calls `Store.callsBetween` reads. */
export interface CallsSpec {
  /** Epoch ms, inclusive. */
  from: number;
  /** Epoch ms, exclusive. */
  to: number;
  /**
   * Keeps the calls that match every filter of at least one list (several replays read in
   * one pass); absent or holding an empty list: every call of the period.
   */
  anyOf?: readonly (readonly ReportFilter[])[];
}
