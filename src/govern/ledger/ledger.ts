/**
 * Counters with limits that every gateway replica shares: budget spend (nano-dollars) and
 * tokens per minute. A call reserves its estimate on every counter it touches at once — all
 * or none — and settles the actual amount afterwards, so concurrent calls never pass a limit
 * by more than the difference between one call's estimate and its actual amount.
 */
export interface Ledger {
  reserve(charges: readonly LedgerCharge[]): Promise<ReserveOutcome>;
  /** Releases each reservation and adds the actual amount. */
  settle(settlements: readonly LedgerSettlement[]): Promise<void>;
  read(keys: readonly string[]): Promise<Map<string, LedgerBalance>>;
  /** Lifts `spent` to at least `amount` (spend the store saw from other doors); never lowers it. */
  raiseSpent(key: string, amount: number, ttlMs: number): Promise<void>;
  /** True for the first caller of any replica to claim `key`: one replica raises each alert. */
  claimOnce(key: string, ttlMs: number): Promise<boolean>;
  close(): Promise<void>;
}

export interface LedgerCharge {
  key: string;
  /** Integer units: nano-dollars or tokens. */
  amount: number;
  /** When set, the charge is refused if spent + reserved + amount would pass it. */
  limit?: number;
  /** How long the counter outlives its period, so old periods clean themselves up. */
  ttlMs: number;
}

export type ReserveOutcome =
  { reserved: true } | { reserved: false; key: string; balance: LedgerBalance };

export interface LedgerSettlement {
  key: string;
  reserved: number;
  actual: number;
  ttlMs: number;
}

export interface LedgerBalance {
  spent: number;
  reserved: number;
}
