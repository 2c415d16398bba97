import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import {
  FOCUS_COLUMNS,
  buildFocusMetadata,
  buildFocusRows,
  createLongContextLookup,
  parseTimeRange,
  summarizeFocusRows,
  type FocusRow,
} from '../../analytics/index.ts';
import { ValidationError } from '../../domain/errors/index.ts';
import { toStoredPrecision } from '../../domain/money.ts';
import type { UsageGroup } from '../../store/store.ts';
import type { CliContext } from '../cli-context.ts';
import { formatMoney } from '../output/format-table.ts';
import { printRows } from '../output/print-rows.ts';
import { startProgress } from '../output/progress.ts';
import { TOKENOPS_VERSION } from '../version.ts';
import { withStore } from '../with-store.ts';

const BATCH = 5_000;

interface ExportFlags {
  from: string;
  to: string;
  out: string;
  grain: string;
}

export function registerExportCommand(program: Command, context: () => CliContext): void {
  const exportCommand = program
    .command('export')
    .description('export priced usage for other tools');
  exportCommand
    .command('focus')
    .description(
      'FOCUS 1.3 cost and usage rows, one per token class (CSV or Parquet, with metadata)',
    )
    .requiredOption('--from <date>', 'start, YYYY-MM-DD (inclusive)')
    .requiredOption('--to <date>', 'end, YYYY-MM-DD (that whole day included)')
    .requiredOption(
      '--out <file>',
      'FILE.csv or FILE.parquet; FILE.metadata.json is written beside it',
    )
    .option('--grain <grain>', 'hour (rows per hour, price point and tag set) or event', 'hour')
    .action(async (flags: ExportFlags) => {
      const cli = context();
      const { from, to } = requiredRange(flags);
      const format = outputFormat(flags.out);
      if (flags.grain !== 'hour' && flags.grain !== 'event') {
        throw new ValidationError(
          'invalid option',
          [{ field: 'grain', reason: `"${flags.grain}" is not hour or event` }],
          'use --grain hour or --grain event',
        );
      }
      const grain = flags.grain;
      const pricer = await cli.pricer();
      const { DuckDbTabularWriter } = await import('../../store/duckdb/duckdb-tabular-writer.ts');
      const options = { longContextStart: createLongContextLookup(pricer) };
      const totals = { billedCost: 0, listCost: 0 };
      const summary = await withStore(cli, async (store) => {
        const unpriced = await store.countUnpriced(from, to);
        const [total] = await store.report({
          dimensions: [],
          metric: 'cost',
          grain: 'none',
          filters: [],
          from,
          to,
        });
        const progress = startProgress('export', (total?.requests ?? 0) - unpriced, 'events');
        async function* focusBatches(): AsyncIterable<FocusRow[]> {
          for await (const groups of store.usageGroups(from, to, grain, BATCH)) {
            const batch = groups.flatMap((group: UsageGroup) => buildFocusRows(group, options));
            const sums = summarizeFocusRows(batch);
            totals.billedCost += sums.billedCost;
            totals.listCost += sums.listCost;
            progress.increment(groups.reduce((sum, group) => sum + group.events, 0));
            yield batch;
          }
        }
        const written = await new DuckDbTabularWriter().write(
          flags.out,
          format,
          FOCUS_COLUMNS.map((column) => ({ name: column.name, type: column.storageType })),
          focusBatches(),
        );
        progress.stop();
        return { written, unpriced, reportCost: total?.cost ?? 0 };
      });
      const metadataPath = flags.out.replace(/\.(csv|parquet)$/i, '.metadata.json');
      writeFileSync(
        metadataPath,
        `${JSON.stringify(buildFocusMetadata({ generatorVersion: TOKENOPS_VERSION, createdAt: Date.now() }), null, 2)}\n`,
      );
      const result = {
        file: flags.out,
        metadata: metadataPath,
        rows: summary.written,
        billed_cost: toStoredPrecision(totals.billedCost),
        list_cost: toStoredPrecision(totals.listCost),
        report_cost: summary.reportCost,
        unpriced_events_left_out: summary.unpriced,
      };
      if (cli.format !== 'table') {
        printRows(cli.format, [result]);
        return;
      }
      process.stdout.write(
        `Wrote ${summary.written.toLocaleString('en-US')} FOCUS rows to ${flags.out} (metadata: ${metadataPath}): billed ${formatMoney(totals.billedCost)}, list ${formatMoney(totals.listCost)}.` +
          (summary.unpriced > 0
            ? ` ${summary.unpriced} unpriced events left out (FOCUS has no unknown cost); see tokenops prices unpriced.`
            : '') +
          '\n',
      );
    });
}

function requiredRange(flags: ExportFlags): { from: number; to: number } {
  const range = parseTimeRange(flags.from, flags.to);
  if (range.from === undefined || range.to === undefined) {
    throw new ValidationError(
      'invalid time range',
      [{ field: 'from', reason: 'is required' }],
      'pass --from and --to',
    );
  }
  return { from: range.from, to: range.to };
}

function outputFormat(path: string): 'csv' | 'parquet' {
  if (/\.csv$/i.test(path)) return 'csv';
  if (/\.parquet$/i.test(path)) return 'parquet';
  throw new ValidationError(
    'invalid option',
    [{ field: 'out', reason: `"${path}" ends in neither .csv nor .parquet` }],
    'name the file FILE.csv or FILE.parquet',
  );
}
