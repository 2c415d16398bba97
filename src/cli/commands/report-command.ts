import type { Command } from 'commander';
import { parseReportRequest, type ReportRequest } from '../../analytics/index.ts';
import { REPORT_TOKEN_COLUMNS, type ReportRow } from '../../store/report-spec.ts';
import type { CliContext } from '../cli-context.ts';
import { WHERE_OPTION } from '../collect-option.ts';
import { fetchApi } from '../fetch-api.ts';
import { withStore } from '../with-store.ts';
import { printRows } from '../output/print-rows.ts';

export function registerReportCommand(program: Command, context: () => CliContext): void {
  program
    .command('report')
    .description('spend and tokens grouped by any tag, model or provider, over time')
    .option(
      '--by <dims>',
      'dimensions: team,service,feature,environment,customer,user,provider,model,tag:KEY',
    )
    .option('--metric <metric>', 'cost or tokens (ordering and table columns)', 'cost')
    .option('--from <date>', 'start, YYYY-MM-DD or ISO date-time (inclusive)')
    .option('--to <date>', 'end, YYYY-MM-DD (that whole day included) or ISO date-time (exclusive)')
    .option('--grain <grain>', 'none, hour, day, week or month', 'none')
    .option(...WHERE_OPTION)
    .action(async (options: ReportRequest & { where: string[] }) => {
      const cli = context();
      const spec = parseReportRequest(options);
      const rows = cli.server
        ? await fetchApi<ReportRow[]>(
            cli.server,
            `/api/v1/report?${toQuery(options)}`,
            cli.apiToken(),
          )
        : await withStore(cli, (store) => store.report(spec));
      const grouping = [...spec.dimensions, ...(spec.grain === 'none' ? [] : ['period'])];
      const measures =
        cli.format === 'table' && spec.metric === 'cost'
          ? ['requests', 'input_tokens', 'output_tokens', 'cost', 'list_cost']
          : ['requests', ...REPORT_TOKEN_COLUMNS, 'cost', 'list_cost'];
      printRows(cli.format, rows, [...grouping, ...measures]);
    });
}

function toQuery(options: ReportRequest & { where: string[] }): string {
  const query = new URLSearchParams();
  for (const key of ['by', 'metric', 'grain', 'from', 'to'] as const) {
    const value = options[key];
    if (value) query.set(key, value);
  }
  for (const filter of options.where) query.append('where', filter);
  return query.toString();
}
