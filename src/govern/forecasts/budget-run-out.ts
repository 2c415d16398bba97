export interface BudgetRunOutInput {
  /** Spend already counted against the budget. */
  spentToDate: number;
  /** Expected spend still to come, day by day from today (`PeriodForecast.daily`). */
  daily: readonly { day: string; expected: number }[];
  limit: number;
}

/**
 * The day cumulative expected spend reaches the limit, or null when it stays under it for the
 * days given. A limit already reached gives the first day (today). Pass the days' `upper`
 * values as `expected` for the earliest plausible day instead.
 */
export function budgetRunOut({ spentToDate, daily, limit }: BudgetRunOutInput): string | null {
  let cumulative = spentToDate;
  if (cumulative >= limit) return daily[0]?.day ?? null;
  for (const { day, expected } of daily) {
    cumulative += expected;
    if (cumulative >= limit) return day;
  }
  return null;
}
