import type { Command } from 'commander';
import {
  CHARGEBACK_MODES,
  computeChargeback,
  parseChargebackRequest,
  type ChargebackStatement,
} from '../../analytics/index.ts';
import type { CliContext } from '../cli-context.ts';
import { fetchApi } from '../fetch-api.ts';
import { printRows } from '../output/print-rows.ts';
import { withStore } from '../with-store.ts';

interface ChargebackFlags {
  period: string;
  mode: string;
  shared: string;
}

const COLUMNS = ['team', 'direct_cost', 'shared_cost', 'total_cost', 'pool_share', 'requests'];

export function registerChargebackCommand(program: Command, context: () => CliContext): void {
  program
    .command('chargeback')
    .description(
      'per-team statements for a month: direct spend plus a share of the shared pool, adding up to the month to the cent',
    )
    .requiredOption('--period <month>', 'the month, YYYY-MM')
    .option('--mode <mode>', CHARGEBACK_MODES.join(' or '), 'showback')
    .option(
      '--shared <rule>',
      'how the shared pool is split: proportional, even or fixed:TEAM=PCT,...',
      'proportional',
    )
    .action(async (flags: ChargebackFlags) => {
      const cli = context();
      const request = parseChargebackRequest(flags);
      const statement = cli.server
        ? await fetchApi<ChargebackStatement>(
            cli.server,
            `/api/v1/chargeback?${new URLSearchParams({ ...flags }).toString()}`,
            cli.apiToken(),
          )
        : await withStore(cli, (store) =>
            computeChargeback(store, request, cli.config.config.allocation.sharedScopes),
          );
      if (cli.format !== 'table') {
        printRows(cli.format, statement.lines, ['team', 'mode', ...COLUMNS.slice(1)]);
        return;
      }
      process.stdout.write(`${statement.title}\n`);
      printRows(
        'table',
        statement.lines.map((line) => ({
          ...line,
          direct_cost: dollars(line.direct_cost),
          shared_cost: dollars(line.shared_cost),
          total_cost: dollars(line.total_cost),
        })),
        COLUMNS,
      );
      const sources = statement.pool
        .filter((source) => source.cost !== 0 || source.requests > 0)
        .map((source) => `${source.source} ${dollars(source.cost)} (${source.requests} calls)`);
      process.stdout.write(
        `Shared pool ${dollars(statement.pool_cost)}${sources.length > 0 ? `: ${sources.join(', ')}` : ''}; split ${statement.split}.\nTotal ${dollars(statement.total_cost)}, the month's spend to the cent (direct ${dollars(statement.direct_cost)}).\n`,
      );
    });
}

/** Statements are whole cents, so they are shown with two decimals even below a dollar. */
function dollars(amount: number): string {
  return `$${amount.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}
