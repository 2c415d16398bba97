import type { Command } from 'commander';
import {
  buildYieldRow,
  latencyObjectives,
  parseInsightRequest,
  type InsightRequest,
  type YieldRow,
} from '../../analytics/index.ts';
import type { CliContext } from '../cli-context.ts';
import { WHERE_OPTION } from '../collect-option.ts';
import { fetchApi } from '../fetch-api.ts';
import { insightQuery } from '../insight-query.ts';
import { printRows } from '../output/print-rows.ts';
import { withStore } from '../with-store.ts';

const COLUMNS = [
  'calls',
  'tokens',
  'success_tokens',
  'failure_tokens',
  'no_outcome_tokens',
  'yield_rate',
  'goodput_tokens',
  'goodput_rate',
  'outcome_coverage',
];

export function registerYieldCommand(program: Command, context: () => CliContext): void {
  program
    .command('yield')
    .description(
      'token yield (tokens of requests that succeeded) and goodput (that also met their latency objective)',
    )
    .option('--by <dims>', 'dimensions (default team,feature)')
    .option('--from <date>', 'start, YYYY-MM-DD or ISO date-time (inclusive)')
    .option('--to <date>', 'end, YYYY-MM-DD (that whole day included) or ISO date-time (exclusive)')
    .option(...WHERE_OPTION)
    .action(async (options: InsightRequest) => {
      const cli = context();
      const spec = parseInsightRequest(options, 'team,feature');
      const rows = cli.server
        ? await fetchApi<YieldRow[]>(
            cli.server,
            `/api/v1/yield?${insightQuery(options)}`,
            cli.apiToken(),
          )
        : await withStore(cli, async (store) =>
            (
              await store.yieldGroups({
                ...spec,
                objectives: latencyObjectives(cli.config.config.objectives),
              })
            ).map(buildYieldRow),
          );
      printRows(cli.format, rows, [...spec.dimensions, ...COLUMNS]);
    });
}
