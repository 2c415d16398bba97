import { formatCsv } from './format-csv.ts';
import { formatTable } from './format-table.ts';
import type { OutputFormat } from './output-format.ts';

type Cell = string | number | boolean | null | undefined;

/** The one way commands print row sets: JSON arrays for scripts, CSV, or a table for people. */
export function printRows(
  format: OutputFormat,
  rows: readonly Record<string, Cell>[],
  columns: readonly string[] = Object.keys(rows[0] ?? {}),
  write: (text: string) => void = (text) => process.stdout.write(`${text}\n`),
): void {
  if (format === 'json') write(JSON.stringify(rows, null, 2));
  else if (format === 'csv') write(formatCsv(columns, rows));
  else write(formatTable(columns, rows));
}
