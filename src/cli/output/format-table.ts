import Table from 'cli-table3';

type Cell = string | number | boolean | null | undefined;

const MONEY_COLUMN = /(^|_)cost$|_usd$|^gap$|^price_difference$|^saving$/;

/** Human output: money as dollars, counts with thousands separators, numbers right-aligned. */
export function formatTable(
  columns: readonly string[],
  rows: readonly Record<string, Cell>[],
): string {
  if (rows.length === 0) return '(no rows)';
  const table = new Table({
    head: [...columns],
    style: { head: [], border: [] },
    colAligns: columns.map((column) => (typeof rows[0]?.[column] === 'number' ? 'right' : 'left')),
  });
  for (const row of rows) {
    table.push(columns.map((column) => formatCell(column, row[column])));
  }
  return table.toString();
}

export function formatCell(column: string, value: Cell): string {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'number') return String(value);
  if (MONEY_COLUMN.test(column)) return formatMoney(value);
  return Number.isInteger(value) ? value.toLocaleString('en-US') : String(value);
}

export function formatMoney(amount: number): string {
  const digits = Math.abs(amount) >= 1 || amount === 0 ? 2 : 6;
  return `$${amount.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })}`;
}
