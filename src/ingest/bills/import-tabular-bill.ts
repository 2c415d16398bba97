import { BillFileError } from '../../domain/errors/index.ts';
import type { TabularFileReader } from '../../store/tabular-file.ts';
import type { MappedDocument, TabularBillImporter } from './bill-importer.ts';
import { BillRow } from './bill-row.ts';
import { ColumnIndex } from './column-index.ts';

const BATCH_ROWS = 10_000;
const FIX = 'check the start and end date columns of that line; nothing of the file was imported';

/**
 * A CSV (plain or gzipped) or Parquet export read in batches by the store's engine, every
 * row mapped and checked. The header is checked on the first batch: a file without a column
 * the format needs is refused naming it, and the format it does look like, if any.
 */
export async function importTabularBill(
  path: string,
  importer: TabularBillImporter,
  others: readonly TabularBillImporter[],
  reader: TabularFileReader,
  onProgress?: (done: number, total: number) => void,
): Promise<MappedDocument> {
  const format = path.toLowerCase().endsWith('.parquet') ? 'parquet' : 'csv';
  const total = onProgress ? await reader.count(path, format) : 0;
  const imported: MappedDocument = { lines: [], rowsRead: 0, rowsSkipped: 0 };
  let columns: ColumnIndex | undefined;
  for await (const batch of reader.read(path, format, BATCH_ROWS)) {
    columns ??= checkedColumns(path, batch.columns, importer, others);
    for (const row of batch.rows) {
      const billRow = new BillRow(row, columns, path, format === 'csv' ? 'line' : 'row');
      const lines = importer.mapRow(billRow);
      imported.rowsRead += 1;
      if (lines.length === 0) imported.rowsSkipped += 1;
      for (const line of lines) {
        // Swapped or mistyped dates: a period that ends before it starts bills no time.
        if (line.periodEnd < line.periodStart) {
          throw new BillFileError(path, billRow.where, 'the period ends before it starts', FIX);
        }
        imported.lines.push(line);
      }
    }
    onProgress?.(imported.rowsRead, total);
  }
  return imported;
}

function checkedColumns(
  path: string,
  header: readonly string[],
  importer: TabularBillImporter,
  others: readonly TabularBillImporter[],
): ColumnIndex {
  const columns = new ColumnIndex(header);
  const missing = columns.firstMissing(importer.requiredColumns);
  if (missing === undefined) return columns;
  const match = others.find((other) => columns.firstMissing(other.requiredColumns) === undefined);
  throw new BillFileError(
    path,
    undefined,
    `this is not ${importer.title}: column ${missing} is missing`,
    match
      ? `it looks like ${match.title}: import it as format ${match.format}`
      : `export ${importer.title} with all its columns; nothing of the file was imported`,
  );
}
