import type { Command } from 'commander';
import {
  buildTraceRow,
  buildTraceTree,
  parseTopTracesRequest,
  type TraceRow,
  type TraceTree,
} from '../../analytics/index.ts';
import type { CliContext } from '../cli-context.ts';
import { WHERE_OPTION } from '../collect-option.ts';
import { fetchApi } from '../fetch-api.ts';
import { insightQuery } from '../insight-query.ts';
import { formatMoney } from '../output/format-table.ts';
import { printRows } from '../output/print-rows.ts';
import { withStore } from '../with-store.ts';

const STEP_COLUMNS = [
  'step',
  'call',
  'status',
  'attempt',
  'input_tokens',
  'output_tokens',
  'cost',
  'context_growth',
];

export function registerTracesCommand(program: Command, context: () => CliContext): void {
  const traces = program
    .command('traces')
    .description('agent traces: the most expensive, and the call tree of one')
    .option('--top <n>', 'how many traces, most expensive first', '10')
    .option('--from <date>', 'start, YYYY-MM-DD or ISO date-time (inclusive)')
    .option('--to <date>', 'end, YYYY-MM-DD (that whole day included) or ISO date-time (exclusive)')
    .option(...WHERE_OPTION)
    // A command with subcommands is skipped by addGlobalOptions, which serves leaves only.
    .option('--format <format>', 'output: table, json or csv')
    .option('--data <dir>', 'data directory (default ./.tokenops)')
    .option('--config <file>', 'config file (default ./tokenops.yaml when present)')
    .option('--server <url>', 'talk to a running tokenops start instead of opening the store')
    .option('--debug', 'print stack traces of unexpected errors')
    .action(async (options: { top: string; from?: string; to?: string; where: string[] }) => {
      const cli = context();
      const spec = parseTopTracesRequest(options);
      const rows = cli.server
        ? await fetchApi<TraceRow[]>(
            cli.server,
            `/api/v1/traces?${insightQuery(options)}`,
            cli.apiToken(),
          )
        : await withStore(cli, async (store) => (await store.topTraces(spec)).map(buildTraceRow));
      printRows(cli.format, rows);
    });
  traces
    .command('show')
    .description('the call tree of one trace: tokens and cost per step, and which step grew it')
    .argument('<id>', 'trace id')
    .action(async (id: string) => {
      const cli = context();
      const tree = cli.server
        ? await fetchApi<TraceTree>(
            cli.server,
            `/api/v1/traces/${encodeURIComponent(id)}`,
            cli.apiToken(),
          )
        : await withStore(cli, async (store) => buildTraceTree(id, await store.traceCalls(id)));
      if (cli.format === 'json') {
        process.stdout.write(`${JSON.stringify(tree, null, 2)}\n`);
        return;
      }
      printRows(cli.format, tree.steps, STEP_COLUMNS);
      if (cli.format === 'table') {
        process.stdout.write(
          `${tree.calls} calls, ${tree.tokens.toLocaleString('en-US')} tokens, ${formatMoney(tree.cost)}; fan-out ${tree.fan_out ?? '-'}× the first call's ${tree.first_call_tokens.toLocaleString('en-US')} tokens${tree.grew_most_step !== null ? `; step ${tree.grew_most_step} grew the context most` : ''}.\n`,
        );
      }
    });
}
