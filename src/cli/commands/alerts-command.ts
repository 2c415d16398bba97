import type { Command } from 'commander';
import type { AlertRow } from '../../govern/index.ts';
import type { CliContext } from '../cli-context.ts';
import { fetchApi } from '../fetch-api.ts';
import { printRows } from '../output/print-rows.ts';
import { withStore } from '../with-store.ts';

interface AlertFlags {
  from?: string;
  to?: string;
  kind?: string;
  limit?: string;
}

export function registerAlertsCommand(program: Command, context: () => CliContext): void {
  program
    .command('alerts')
    .description('alerts raised (budget thresholds, anomalies, runaways) and their delivery')
    .option('--from <date>', 'start, YYYY-MM-DD or ISO date-time (inclusive)')
    .option('--to <date>', 'end, YYYY-MM-DD (that whole day included) or ISO date-time (exclusive)')
    .option('--kind <kind>', 'budget_threshold, anomaly or runaway')
    .option('--limit <n>', 'newest first, at most this many', '100')
    .action(async (flags: AlertFlags) => {
      const cli = context();
      // The governance module loads the Redis client: only when the command runs.
      const { buildAlertRow, parseAlertRequest } = await import('../../govern/index.ts');
      const spec = parseAlertRequest(flags);
      const query = new URLSearchParams(
        Object.entries(flags).filter((entry): entry is [string, string] => entry[1] !== undefined),
      );
      const rows = cli.server
        ? await fetchApi<AlertRow[]>(
            cli.server,
            `/api/v1/alerts?${query.toString()}`,
            cli.apiToken(),
          )
        : await withStore(cli, async (store) => (await store.listAlerts(spec)).map(buildAlertRow));
      if (cli.format === 'json') {
        process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
        return;
      }
      printRows(
        cli.format,
        rows.map((row) => ({
          created_at: row.created_at,
          kind: row.kind,
          severity: row.severity,
          title: row.title,
          delivery: row.deliveries
            .map((delivery) => `${delivery.channel}: ${delivery.state}`)
            .join(', '),
        })),
        ['created_at', 'kind', 'severity', 'title', 'delivery'],
      );
    });
}
