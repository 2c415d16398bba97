import type { BillFormat, BillingLine } from '../../domain/billing-line.ts';
import type { BillRow } from './bill-row.ts';
import type { ColumnName } from './column-index.ts';

interface BillImporterBase {
  format: BillFormat;
  /** What the file must be, for refusals: "a FOCUS 1.x Cost and Usage file". */
  title: string;
}

/** What a JSON importer made of a whole document. */
export interface MappedDocument {
  lines: BillingLine[];
  /** Results (one per bucket and group) read from the document. */
  rowsRead: number;
  /** Results that say nothing this importer bills (no token counts, no money). */
  rowsSkipped: number;
}

/** A JSON export (usage or cost API responses): mapped as one document. */
export interface JsonBillImporter extends BillImporterBase {
  input: 'json';
  /**
   * A cheap look at the shape: is this document this format at all? Used to refuse a file
   * given with the wrong --format, and to suggest the right one.
   */
  recognizes(document: unknown): boolean;
  /** Throws a BillFileError naming the JSON path of the first value it cannot use. */
  mapDocument(document: unknown, file: string): MappedDocument;
}

/** A CSV, .csv.gz or Parquet export: mapped row by row. */
export interface TabularBillImporter extends BillImporterBase {
  input: 'tabular';
  /** Columns the file must have (a list gives accepted alternatives); matched ignoring case. */
  requiredColumns: readonly ColumnName[];
  /**
   * The lines of one row; none when the row is about something else (another cloud service),
   * which counts as skipped. Throws a BillFileError naming the line and column at fault.
   */
  mapRow(row: BillRow): BillingLine[];
}

export type BillImporter = JsonBillImporter | TabularBillImporter;
