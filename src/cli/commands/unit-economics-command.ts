import type { Command } from 'commander';
import {
  explainUnitEconomics,
  parseUnitEconomicsRequest,
  type UnitEconomicsRow,
} from '../../analytics/index.ts';
import type { CliContext } from '../cli-context.ts';
import { WHERE_OPTION } from '../collect-option.ts';
import { insightQuery } from '../insight-query.ts';
import { fetchApi } from '../fetch-api.ts';
import { printRows } from '../output/print-rows.ts';
import { withStore } from '../with-store.ts';

interface UnitEconomicsFlags {
  by: string;
  from?: string;
  to?: string;
  where: string[];
}

const MEASURES = [
  'requests',
  'cost',
  'cost_per_request',
  'success_rate',
  'cost_per_success',
  'active_users',
  'cost_per_active_user',
  'tokens_per_active_user',
  'revenue',
  'cost_share_of_revenue',
];

export function registerUnitEconomicsCommand(program: Command, context: () => CliContext): void {
  program
    .command('unit-economics')
    .description(
      'cost per request, per successful outcome and per active user, and cost as a share of revenue',
    )
    .option(
      '--by <dimension>',
      'one dimension: feature, team, customer, model, tag:KEY…',
      'feature',
    )
    .option('--from <date>', 'start, YYYY-MM-DD or ISO date-time (inclusive)')
    .option('--to <date>', 'end, YYYY-MM-DD (that whole day included) or ISO date-time (exclusive)')
    .option(...WHERE_OPTION)
    .action(async (flags: UnitEconomicsFlags) => {
      const cli = context();
      const spec = parseUnitEconomicsRequest(flags);
      const rows = cli.server
        ? await fetchApi<UnitEconomicsRow[]>(
            cli.server,
            `/api/v1/unit-economics?${insightQuery(flags)}`,
            cli.apiToken(),
          )
        : await withStore(cli, async (store) =>
            (await store.unitEconomicsTotals(spec)).map((totals) =>
              explainUnitEconomics(spec.dimension, totals),
            ),
          );
      printRows(cli.format, rows, [spec.dimension, ...MEASURES]);
    });
}
