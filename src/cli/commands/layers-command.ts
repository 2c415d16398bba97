import type { Command } from 'commander';
import {
  buildLayersReport,
  parseInsightRequest,
  type InsightRequest,
  type LayersRow,
} from '../../analytics/index.ts';
import type { CliContext } from '../cli-context.ts';
import { WHERE_OPTION } from '../collect-option.ts';
import { fetchApi } from '../fetch-api.ts';
import { insightQuery } from '../insight-query.ts';
import { printRows } from '../output/print-rows.ts';
import { withStore } from '../with-store.ts';

const COST_COLUMNS = [
  'calls',
  'total_cost',
  'system_prompt_cost',
  'context_cost',
  'output_cost',
  'retry_cost',
  'model_premium_cost',
];
const SHARE_COLUMNS = [
  'system_prompt_share',
  'context_share',
  'output_share',
  'retry_share',
  'model_premium_share',
];

export function registerLayersCommand(program: Command, context: () => CliContext): void {
  program
    .command('layers')
    .description(
      'spend split into system prompt, context, output and retries (adding up to the total), and the model-choice premium',
    )
    .option('--by <dims>', 'dimensions: feature (default), team, service, model, tag:KEY…')
    .option('--from <date>', 'start, YYYY-MM-DD or ISO date-time (inclusive)')
    .option('--to <date>', 'end, YYYY-MM-DD (that whole day included) or ISO date-time (exclusive)')
    .option(...WHERE_OPTION)
    .action(async (options: InsightRequest) => {
      const cli = context();
      const spec = parseInsightRequest(options, 'feature');
      const rows = cli.server
        ? await fetchApi<LayersRow[]>(
            cli.server,
            `/api/v1/layers?${insightQuery(options)}`,
            cli.apiToken(),
          )
        : await withStore(cli, async (store) =>
            buildLayersReport(
              spec,
              await store.layerGroups(spec),
              cli.config.config.allocation.referenceModels,
              await cli.pricer(),
            ),
          );
      const columns = [
        ...spec.dimensions,
        ...COST_COLUMNS,
        ...(cli.format === 'table' ? [] : SHARE_COLUMNS),
        'reference_model',
      ];
      printRows(cli.format, rows, columns);
    });
}
