import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { BILL_FORMATS, type BillFormat } from '../../domain/billing-line.ts';
import { ValidationError } from '../../domain/errors/index.ts';
import type { CliContext } from '../cli-context.ts';
import { formatMoney } from '../output/format-table.ts';
import { printRows } from '../output/print-rows.ts';
import { startProgress } from '../output/progress.ts';
import { withStore } from '../with-store.ts';
import { importRevenue } from './import-revenue.ts';

export function registerImportCommand(program: Command, context: () => CliContext): void {
  program
    .command('import')
    .description(
      'import a provider bill or usage export, or revenue per feature (idempotent: a file imported twice changes nothing)',
    )
    .argument('<file>', 'the export file (.json, .csv, .csv.gz or .parquet)')
    .requiredOption('--format <format>', `${BILL_FORMATS.join(', ')}, revenue`)
    .action(async (file: string, flags: { format: string }) => {
      const cli = context();
      if (flags.format === 'revenue') {
        await importRevenue(cli, file);
        return;
      }
      const format = billFormat(flags.format);
      const [{ importBillFile, subscriptionEvents }, { DuckDbTabularReader }] = await Promise.all([
        import('../../ingest/index.ts'),
        import('../../store/duckdb/duckdb-tabular-reader.ts'),
      ]);
      const reader = new DuckDbTabularReader();
      let progress: ReturnType<typeof startProgress> | undefined;
      let reported = 0;
      const imported = await importBillFile(file, format, {
        reader,
        readText: (path) => readFile(path, 'utf8'),
        onProgress: (done, total) => {
          progress ??= startProgress('import', total, 'rows');
          progress.increment(done - reported);
          reported = done;
        },
      }).finally(() => {
        progress?.stop();
        reader.close();
      });
      // Everything was read and checked before this point: one transaction stores the lines.
      // Subscriptions also become events (both steps idempotent, so a rerun completes one
      // that failed half-way).
      const events = subscriptionEvents(imported.lines);
      const pricer = events.length > 0 ? await cli.pricer() : undefined;
      const stored = await withStore(cli, async (store) => {
        if (pricer)
          await store.append(events.map((event) => ({ ...event, pricing: pricer.price(event) })));
        return store.appendBillingLines(imported.lines);
      });
      const cost = imported.lines.reduce((sum, line) => sum + (line.cost ?? 0), 0);
      const summary = {
        file,
        format,
        lines: imported.lines.length,
        new_lines: stored.inserted,
        already_imported: stored.replaced,
        rows_read: imported.rowsRead,
        rows_skipped: imported.rowsSkipped,
        cost: Math.round(cost * 1e6) / 1e6,
      };
      if (cli.format !== 'table') {
        printRows(cli.format, [summary]);
        return;
      }
      process.stdout.write(
        `Imported ${summary.lines} lines from ${file} (${summary.new_lines} new, ${summary.already_imported} already imported; ${summary.rows_skipped} of ${summary.rows_read} rows not about model usage): ${formatMoney(cost)}.\n`,
      );
    });
}

function billFormat(text: string): BillFormat {
  if ((BILL_FORMATS as readonly string[]).includes(text)) return text as BillFormat;
  throw new ValidationError(
    'invalid option',
    [{ field: 'format', reason: `"${text}" is not an import format` }],
    `use --format ${BILL_FORMATS.join('|')}|revenue`,
  );
}
