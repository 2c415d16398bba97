import { toFocusDateTime } from './to-focus-date-time.ts';

/**
 * The billing period of a charge: the calendar month (UTC) it falls in, start inclusive and
 * end exclusive. Assumed [ours]: OpenAI and Anthropic invoice monthly; gateway metering has
 * no invoice of its own to take the period from.
 */
export function billingMonth(epochMilliseconds: number): { start: string; end: string } {
  const date = new Date(epochMilliseconds);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth();
  return {
    start: toFocusDateTime(Date.UTC(year, month, 1)),
    end: toFocusDateTime(Date.UTC(year, month + 1, 1)),
  };
}
