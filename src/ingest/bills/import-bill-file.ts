import type { BillFormat, BillingLine } from '../../domain/billing-line.ts';
import type { TabularFileReader } from '../../store/tabular-file.ts';
import type { JsonBillImporter, TabularBillImporter } from './bill-importer.ts';
import { billImporters } from './bill-importers.ts';
import { importJsonBill } from './import-json-bill.ts';
import { importTabularBill } from './import-tabular-bill.ts';
import { uniqueLineIds } from './unique-line-ids.ts';

export interface ImportBillFileOptions {
  /** The store engine's CSV/Parquet reader. */
  reader: TabularFileReader;
  /** Reads a JSON export as text. */
  readText: (path: string) => Promise<string>;
  /** Rows read so far and the file's row count (tabular files). */
  onProgress?: (done: number, total: number) => void;
}

export interface ImportedBill {
  lines: BillingLine[];
  rowsRead: number;
  /** Rows about something else (another cloud service, a result with nothing billed). */
  rowsSkipped: number;
}

/**
 * Reads a whole bill or usage export and checks every row before returning anything: the
 * caller stores all lines in one transaction, so a bad row at the end means nothing of the
 * file is imported. Refusals are BillFileErrors naming the line and column, or JSON path.
 */
export async function importBillFile(
  path: string,
  format: BillFormat,
  options: ImportBillFileOptions,
): Promise<ImportedBill> {
  const importer = billImporters[format];
  const others = Object.values(billImporters).filter((other) => other.format !== format);
  const imported =
    importer.input === 'json'
      ? await importJsonBill(
          path,
          importer,
          others.filter((other): other is JsonBillImporter => other.input === 'json'),
          options.readText,
        )
      : await importTabularBill(
          path,
          importer,
          others.filter((other): other is TabularBillImporter => other.input === 'tabular'),
          options.reader,
          options.onProgress,
        );
  if (importer.input === 'json') options.onProgress?.(imported.rowsRead, imported.rowsRead);
  return { ...imported, lines: uniqueLineIds(imported.lines) };
}
