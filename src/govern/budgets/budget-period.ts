import type { BudgetPeriodKind } from '../../domain/budget.ts';

export type { BudgetPeriodKind };

export interface PeriodWindow {
  /** Epoch ms, inclusive. */
  start: number;
  /** Epoch ms, exclusive: when the budget resets. */
  end: number;
}

const DAY_MS = 86_400_000;

/** The UTC day, ISO week (from Monday) or calendar month holding `at`. */
export function budgetPeriod(kind: BudgetPeriodKind, at: number): PeriodWindow {
  const date = new Date(at);
  const dayStart = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
  if (kind === 'day') return { start: dayStart, end: dayStart + DAY_MS };
  if (kind === 'week') {
    const sinceMonday = (date.getUTCDay() + 6) % 7;
    const start = dayStart - sinceMonday * DAY_MS;
    return { start, end: start + 7 * DAY_MS };
  }
  return {
    start: Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1),
    end: Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1),
  };
}
