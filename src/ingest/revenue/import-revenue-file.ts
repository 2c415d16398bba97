import { BillFileError } from '../../domain/errors/index.ts';
import type { RevenueLine } from '../../domain/revenue-line.ts';
import type { TabularFileReader } from '../../store/tabular-file.ts';
import { BillRow } from '../bills/bill-row.ts';
import { ColumnIndex } from '../bills/column-index.ts';
import { mapRevenueRow } from './map-revenue-row.ts';

const BATCH_ROWS = 10_000;
const REQUIRED = ['feature', 'period', 'amount'];

export interface ImportRevenueFileOptions {
  reader: TabularFileReader;
  /** pricing.currency: revenue must be in the currency costs are reported in. */
  costCurrency: string;
}

/**
 * Reads a whole revenue CSV (or Parquet) and checks every row before returning, like the bill
 * importers: the caller stores all lines in one transaction, so a bad row anywhere means
 * nothing of the file is imported. A feature and month may appear once per file.
 */
export async function importRevenueFile(
  path: string,
  options: ImportRevenueFileOptions,
): Promise<RevenueLine[]> {
  const format = path.toLowerCase().endsWith('.parquet') ? 'parquet' : 'csv';
  const lines: RevenueLine[] = [];
  const seen = new Map<string, string>();
  let columns: ColumnIndex | undefined;
  for await (const batch of options.reader.read(path, format, BATCH_ROWS)) {
    columns ??= checkedColumns(path, batch.columns);
    for (const tabular of batch.rows) {
      const row = new BillRow(tabular, columns, path, format === 'csv' ? 'line' : 'row');
      const line = mapRevenueRow(row, options.costCurrency);
      const key = `${line.feature}\n${line.period}`;
      const first = seen.get(key);
      if (first !== undefined) {
        row.fail(
          'period',
          `${line.feature} ${line.period} is already on ${first}`,
          'keep one row per feature and month (sum them); nothing of the file was imported',
        );
      }
      seen.set(key, row.where);
      lines.push(line);
    }
  }
  return lines;
}

function checkedColumns(path: string, header: readonly string[]): ColumnIndex {
  const columns = new ColumnIndex(header);
  const missing = columns.firstMissing(REQUIRED);
  if (missing === undefined) return columns;
  throw new BillFileError(
    path,
    undefined,
    `this is not a revenue CSV: column ${missing} is missing`,
    'write the header feature,period,amount (and optionally currency); nothing of the file was imported',
  );
}
