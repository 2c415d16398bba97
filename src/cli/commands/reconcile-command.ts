import type { Command } from 'commander';
import { explainReconciliation, parseReconcileRequest } from '../../analytics/index.ts';
import type { CliContext } from '../cli-context.ts';
import { formatMoney } from '../output/format-table.ts';
import { printRows } from '../output/print-rows.ts';
import { withStore } from '../with-store.ts';

const TABLE_COLUMNS = [
  'invoiced_cost',
  'metered_cost',
  'gap',
  'bypass_cost',
  'price_difference',
  'untagged_cost',
  'attributed_share',
  'explanation',
];

export function registerReconcileCommand(program: Command, context: () => CliContext): void {
  program
    .command('reconcile')
    .description(
      'imported bills against metered spend: the gap, why, and how much of the bill is attributed',
    )
    .requiredOption('--from <date>', 'start, YYYY-MM-DD (inclusive)')
    .requiredOption('--to <date>', 'end, YYYY-MM-DD (that whole day included)')
    .option('--by <keys>', 'group by provider, model and/or day', 'provider,model,day')
    .action(async (flags: { from: string; to: string; by: string }) => {
      const cli = context();
      const spec = parseReconcileRequest(flags);
      const rows = await withStore(cli, async (store) =>
        (await store.reconcileTotals(spec)).map(explainReconciliation),
      );
      if (cli.format !== 'table') {
        printRows(cli.format, rows, [
          ...spec.by,
          ...Object.keys(rows[0] ?? {}).filter((key) => !(spec.by as string[]).includes(key)),
        ]);
        return;
      }
      printRows('table', rows, [...spec.by, ...TABLE_COLUMNS]);
      const invoiced = rows.reduce((sum, row) => sum + row.invoiced_cost, 0);
      const metered = rows.reduce((sum, row) => sum + row.metered_cost, 0);
      const attributed = rows.reduce((sum, row) => sum + row.attributed_cost, 0);
      process.stdout.write(
        `Invoiced ${formatMoney(invoiced)}, metered ${formatMoney(metered)}, gap ${formatMoney(invoiced - metered)}; ${invoiced > 0 ? `${((attributed / invoiced) * 100).toFixed(1)} % of the bill attributed to a team` : 'no bill imported for this period'}.\n`,
      );
    });
}
