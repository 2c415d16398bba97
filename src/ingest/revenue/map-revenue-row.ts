import type { RevenueLine } from '../../domain/revenue-line.ts';
import type { BillRow } from '../bills/bill-row.ts';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/**
 * One row of the revenue CSV (`feature,period,amount[,currency]`), checked: a feature name,
 * a month as YYYY-MM, a decimal amount, and the currency costs are reported in (revenue in
 * another currency would be compared with costs as if it were the same money).
 */
export function mapRevenueRow(row: BillRow, costCurrency: string): RevenueLine {
  const feature = row.requiredText('feature');
  const period = row.requiredText('period');
  if (!MONTH.test(period)) row.fail('period', `"${period}" is not a month as YYYY-MM`);
  const amount = row.requiredDecimal('amount');
  const currency = row.text('currency')?.toUpperCase() ?? costCurrency;
  if (currency !== costCurrency) {
    row.fail(
      'currency',
      `is ${currency}, but costs are reported in ${costCurrency}`,
      `convert the revenue to ${costCurrency} (pricing.currency), or leave the column empty; nothing of the file was imported`,
    );
  }
  return { feature, period, amount, currency };
}
