import type { CliContext } from '../cli-context.ts';
import { formatMoney } from '../output/format-table.ts';
import { printRows } from '../output/print-rows.ts';
import { withStore } from '../with-store.ts';

/** `tokenops import FILE --format revenue`: revenue per feature and month, for unit economics. */
export async function importRevenue(cli: CliContext, file: string): Promise<void> {
  const [{ importRevenueFile }, { DuckDbTabularReader }] = await Promise.all([
    import('../../ingest/index.ts'),
    import('../../store/duckdb/duckdb-tabular-reader.ts'),
  ]);
  const reader = new DuckDbTabularReader();
  const lines = await importRevenueFile(file, {
    reader,
    costCurrency: cli.config.config.pricing.currency,
  }).finally(() => reader.close());
  // Every row was read and checked before this point: one transaction stores them all.
  const stored = await withStore(cli, (store) => store.appendRevenue(lines));
  const amount = lines.reduce((sum, line) => sum + line.amount, 0);
  const summary = {
    file,
    format: 'revenue',
    lines: lines.length,
    new_lines: stored.inserted,
    already_imported: stored.replaced,
    revenue: Math.round(amount * 100) / 100,
  };
  if (cli.format !== 'table') {
    printRows(cli.format, [summary]);
    return;
  }
  process.stdout.write(
    `Imported revenue for ${summary.lines} feature-months from ${file} (${summary.new_lines} new, ${summary.already_imported} replaced): ${formatMoney(amount)}.\n`,
  );
}
