/** How invoiced and metered spend are lined up: by any of provider, model and day. */
export const RECONCILE_KEYS = ['provider', 'model', 'day'] as const;
export type ReconcileKey = (typeof RECONCILE_KEYS)[number];

export interface ReconcileSpec {
  by: ReconcileKey[];
  /** Epoch ms, inclusive. */
  from: number;
  /** Epoch ms, exclusive. */
  to: number;
}

/** One group's sums from both sides, before any explanation is worked out. */
export interface ReconcileTotals {
  provider?: string;
  model?: string;
  day?: string;
  /** Money on imported bills (cost and invoice lines). */
  invoicedCost: number;
  /** Tokens the provider counted: from usage exports when imported, else from the bill. */
  invoicedTokens: number;
  meteredCost: number;
  meteredTokens: number;
  /** Metered cost of calls that carried a team tag. */
  attributedCost: number;
  meteredEvents: number;
}
