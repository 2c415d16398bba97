import type { Command } from 'commander';
import { spendChangeReport } from '../../analytics/index.ts';
import type { CliContext } from '../cli-context.ts';
import { formatMoney } from '../output/format-table.ts';
import { printRows } from '../output/print-rows.ts';
import { withStore } from '../with-store.ts';

const TABLE_COLUMNS = [
  'team',
  'feature',
  'cost_before',
  'cost_after',
  'change',
  'volume_effect',
  'mix_effect',
  'tokens_per_call_effect',
  'price_effect',
];

export function registerExplainCommand(program: Command, context: () => CliContext): void {
  program
    .command('explain')
    .description(
      'why spend changed between two periods: volume, model mix, tokens per call and price',
    )
    .requiredOption('--from <period>', 'the earlier period: YYYY-MM or YYYY-MM-DD')
    .requiredOption('--to <period>', 'the later period: YYYY-MM or YYYY-MM-DD')
    .action(async (flags: { from: string; to: string }) => {
      const cli = context();
      const rows = await withStore(cli, (store) => spendChangeReport(store, flags));
      if (cli.format !== 'table') {
        printRows(cli.format, rows);
        return;
      }
      printRows('table', rows, TABLE_COLUMNS);
      const sum = (
        key: 'change' | 'volume_effect' | 'mix_effect' | 'tokens_per_call_effect' | 'price_effect',
      ) => rows.reduce((total, row) => total + row[key], 0);
      const signed = (amount: number) =>
        `${amount >= 0 ? '+' : '−'}${formatMoney(Math.abs(amount))}`;
      process.stdout.write(
        `Spend ${signed(sum('change'))} from ${flags.from} to ${flags.to}: volume ${signed(sum('volume_effect'))}, model mix ${signed(sum('mix_effect'))}, tokens per call ${signed(sum('tokens_per_call_effect'))}, price ${signed(sum('price_effect'))}.\n`,
      );
    });
}
