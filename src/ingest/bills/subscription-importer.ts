import { MAX_EVENT_COST, toStoredPrecision } from '../../domain/money.ts';
import type { BillingLine } from '../../domain/billing-line.ts';
import type { TabularBillImporter } from './bill-importer.ts';
import type { BillRow } from './bill-row.ts';
import { createBillingLine } from './create-billing-line.ts';

const PERIOD = /^(\d{4})-(\d{2})$/;
const EVENT_COST_LIMIT = `makes one line cost ${MAX_EVENT_COST} or more, above what one event can hold; split the row (by team, say)`;

/**
 * Seat-priced AI tools (coding assistants, chat seats), from a CSV we define because such
 * tools publish no export of their own (format in README.md):
 * `tool,period,seats,seat_price,overage_cost,currency,team`, period `YYYY-MM`.
 *
 * Each row is a `seat` line (quantity seats, cost seats × seat_price) and, when overage_cost
 * is not zero, an `other` line for the usage billed above the seats. The provider is the
 * tool's name in lower case; `team` (optional) becomes the lines' team tag.
 */
export const subscriptionImporter: TabularBillImporter = {
  format: 'subscription',
  title: 'a subscription CSV (tool,period,seats,seat_price,overage_cost,currency,team)',
  input: 'tabular',
  requiredColumns: ['tool', 'period', 'seats', 'seat_price', 'overage_cost', 'currency', 'team'],
  mapRow(row) {
    const tool = row.requiredText('tool').toLowerCase();
    const [periodStart, periodEnd] = month(row);
    const seats = row.requiredDecimal('seats');
    if (!Number.isInteger(seats) || seats < 0) row.fail('seats', 'is not a whole number of seats');
    const seatPrice = row.requiredDecimal('seat_price');
    if (seatPrice < 0) row.fail('seat_price', 'must be 0 or more');
    const overage = row.decimal('overage_cost') ?? 0;
    // Each line also becomes a usage event, whose cost has to fit the events' money columns.
    if (seats * seatPrice >= MAX_EVENT_COST) row.fail('seat_price', EVENT_COST_LIMIT);
    if (Math.abs(overage) >= MAX_EVENT_COST) row.fail('overage_cost', EVENT_COST_LIMIT);
    const team = row.text('team');
    const common = {
      format: 'subscription',
      role: 'invoice',
      provider: tool,
      periodStart,
      periodEnd,
      currency: row.text('currency')?.toUpperCase() ?? 'USD',
      ...(team ? { tags: { team } } : {}),
    } satisfies Partial<BillingLine>;
    const lines = [
      createBillingLine(
        {
          ...common,
          billedClass: 'seat',
          quantity: seats,
          // One rounding to stored precision: 25 × 19.99 is 499.75, not 499.74999999999994.
          cost: toStoredPrecision(seats * seatPrice),
          description: `${tool} seats`,
        },
        [team],
      ),
    ];
    if (overage !== 0) {
      lines.push(
        createBillingLine(
          { ...common, billedClass: 'other', cost: overage, description: `${tool} overage` },
          [team],
        ),
      );
    }
    return lines;
  },
};

/** `YYYY-MM` as the calendar month it names, [first day, first day of the next month). */
function month(row: BillRow): [number, number] {
  const match = PERIOD.exec(row.requiredText('period'));
  const year = Number(match?.[1]);
  const monthIndex = Number(match?.[2]) - 1;
  if (!match || monthIndex < 0 || monthIndex > 11) row.fail('period', 'is not a month as YYYY-MM');
  return [Date.UTC(year, monthIndex, 1), Date.UTC(year, monthIndex + 1, 1)];
}
