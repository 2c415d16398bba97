import type { Command } from 'commander';
import {
  buildAnomalyRow,
  describeScope,
  detectRecentAnomalies,
  parseAnomalyRequest,
  type AnomalyRequest,
  type AnomalyRow,
} from '../../govern/index.ts';
import type { CliContext } from '../cli-context.ts';
import { fetchApi } from '../fetch-api.ts';
import { printRows } from '../output/print-rows.ts';
import { withStore } from '../with-store.ts';

const COLUMNS = ['scope', 'metric', 'start', 'end', 'observed', 'expected', 'score', 'key'];

export function registerAnomaliesCommand(program: Command, context: () => CliContext): void {
  program
    .command('anomalies')
    .description(
      'cost, token and active-user spikes per scope against a seasonal baseline, and runaway traces and virtual keys',
    )
    .option('--by <dims>', 'scope dimensions: team (default), feature, service, tag:KEY…')
    .option(
      '--from <date>',
      'first hour judged, YYYY-MM-DD or ISO date-time (default: 24 h before --to)',
    )
    .option(
      '--to <date>',
      'end, YYYY-MM-DD (that whole day included) or ISO date-time (default: the last stored hour)',
    )
    .option(
      '--metric <metrics>',
      'cost, tokens, active_users, calls_per_minute, tokens_per_minute (comma-separated; default all)',
    )
    .action(async (options: AnomalyRequest) => {
      const cli = context();
      const request = parseAnomalyRequest(options);
      const rows = cli.server
        ? await fetchApi<AnomalyRow[]>(
            cli.server,
            `/api/v1/anomalies?${anomalyQuery(options)}`,
            cli.apiToken(),
          )
        : await withStore(cli, async (store) =>
            (await detectRecentAnomalies(store, request)).map(buildAnomalyRow),
          );
      if (cli.format === 'json') {
        process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
        return;
      }
      // Tables and CSV have no nested values: the scope is written `team=search`.
      const flat = rows.map((row) => ({ ...row, scope: describeScope(row.scope) }));
      printRows(cli.format, flat, COLUMNS);
    });
}

function anomalyQuery(options: AnomalyRequest): string {
  const query = new URLSearchParams();
  for (const key of ['by', 'from', 'to', 'metric'] as const) {
    const value = options[key];
    if (value) query.set(key, value);
  }
  return query.toString();
}
