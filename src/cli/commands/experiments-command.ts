import type { Command } from 'commander';
import type { ExperimentRow } from '../../optimize/index.ts';
import type { CliContext } from '../cli-context.ts';
import { WHERE_OPTION } from '../collect-option.ts';
import { fetchApi } from '../fetch-api.ts';
import { formatMoney } from '../output/format-table.ts';
import { printRows } from '../output/print-rows.ts';
import { withStore } from '../with-store.ts';

interface ShowFlags {
  from?: string;
  to?: string;
  where: string[];
  control?: string;
}

const TABLE_COLUMNS = [
  'variant',
  'role',
  'requests',
  'cost',
  'quality',
  'cost_per_good_outcome',
  'verdict',
  'outcomes_needed',
];

export function registerExperimentsCommand(program: Command, context: () => CliContext): void {
  const experiments = program
    .command('experiments')
    .description(
      'percentage splits of the gateway compared: quality, cost per good outcome, verdict',
    );
  experiments
    .command('show')
    .description(
      'per variant: requests, success rate or mean score with a 95 % interval, cost per good outcome, and whether switching from the control is safe',
    )
    .argument('<name>', 'the experiment: the routing rule’s name (tag experiment)')
    .option('--from <date>', 'start, YYYY-MM-DD or ISO date-time (inclusive)')
    .option('--to <date>', 'end, YYYY-MM-DD (that whole day included) or ISO date-time (exclusive)')
    .option(...WHERE_OPTION)
    .option('--control <variant>', 'the variant to compare with (default: control, else the first)')
    .action(async (name: string, flags: ShowFlags) => {
      const cli = context();
      const { parseExperimentRequest, showExperiment } = await import('../../optimize/index.ts');
      const request = {
        name,
        where: flags.where,
        ...(flags.from === undefined ? {} : { from: flags.from }),
        ...(flags.to === undefined ? {} : { to: flags.to }),
        ...(flags.control === undefined ? {} : { control: flags.control }),
      };
      // Checked here too, so a mistake is named before any server is asked.
      const query = parseExperimentRequest(request);
      const rows = cli.server
        ? await fetchApi<ExperimentRow[]>(
            cli.server,
            `/api/v1/experiments/${encodeURIComponent(name)}?${toQuery(flags)}`,
            cli.apiToken(),
          )
        : await withStore(cli, (store) => showExperiment(store, query, cli.config.config.routing));
      if (cli.format !== 'table') {
        printRows(cli.format, rows, Object.keys(rows[0] ?? {}));
        return;
      }
      printRows(cli.format, rows.map(forTable), TABLE_COLUMNS);
      for (const row of rows) process.stdout.write(`${row.variant}: ${row.reason}\n`);
    });
}

/** The quality the verdict compares, with its interval, and money as dollars. */
function forTable(row: ExperimentRow): Record<string, string | number | null> {
  return {
    ...row,
    quality: qualityText(row),
    cost_per_good_outcome:
      row.cost_per_good_outcome === null ? '' : formatMoney(row.cost_per_good_outcome),
    verdict: row.verdict ?? '',
  };
}

function qualityText(row: ExperimentRow): string {
  if (row.metric === 'mean_score' && row.mean_score !== null) {
    return `${row.mean_score} (${row.mean_score_lower ?? '?'} to ${row.mean_score_upper ?? '?'})`;
  }
  if (row.success_rate === null) return '';
  const percent = (value: number | null) => (value === null ? '?' : (value * 100).toFixed(1));
  return `${percent(row.success_rate)} % (${percent(row.success_rate_lower)}–${percent(row.success_rate_upper)})`;
}

function toQuery(flags: ShowFlags): string {
  const query = new URLSearchParams();
  if (flags.from) query.set('from', flags.from);
  if (flags.to) query.set('to', flags.to);
  if (flags.control) query.set('control', flags.control);
  for (const where of flags.where) query.append('where', where);
  return query.toString();
}
