import type { Command } from 'commander';
import type { ForecastRow } from '../../govern/index.ts';
import type { CliContext } from '../cli-context.ts';
import { collectOption } from '../collect-option.ts';
import { fetchApi } from '../fetch-api.ts';
import { formatMoney } from '../output/format-table.ts';
import { printRows } from '../output/print-rows.ts';
import { withStore } from '../with-store.ts';

const CSV_COLUMNS = [
  'month',
  'as_of',
  'method',
  'history_days',
  'spent_to_date',
  'forecast_total',
  'forecast_lower',
  'forecast_upper',
  'interval_level',
];

interface ForecastFlags {
  by?: string;
  where: string[];
  month?: string;
  asOf?: string;
}

export function registerForecastCommand(program: Command, context: () => CliContext): void {
  program
    .command('forecast')
    .description('month-end spend per scope with an 80 % interval (Holt-Winters, weekly season)')
    .option('--by <dims>', 'one forecast per value of these dimensions (default: the whole org)')
    .option(
      '--where <KEY=VALUE>',
      'filter, repeatable: team=search, tag:region=eu',
      collectOption,
      [],
    )
    .option('--month <month>', 'YYYY-MM (default: the month of the latest stored data)')
    .option('--as-of <date>', 'forecast from the data up to this day (YYYY-MM-DD) or instant')
    .action(async (flags: ForecastFlags) => {
      const cli = context();
      const rows = cli.server
        ? await fetchApi<ForecastRow[]>(
            cli.server,
            `/api/v1/forecast?${toQuery(flags)}`,
            cli.apiToken(),
          )
        : await withStore(cli, async (store) => {
            const { forecastScopes, parseForecastRequest } = await import('../../govern/index.ts');
            return forecastScopes(store, await parseForecastRequest(flags, store, Date.now()));
          });
      const dimensions = (flags.by ?? '')
        .split(',')
        .map((name) => name.trim())
        .filter(Boolean);
      if (cli.format === 'json') process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
      else if (cli.format === 'csv')
        printRows('csv', rows.map(withoutDaily), [...dimensions, ...CSV_COLUMNS]);
      else printTable(rows, dimensions);
    });
}

function printTable(rows: readonly ForecastRow[], dimensions: readonly string[]): void {
  const display = rows.map((row) => ({
    ...withoutDaily(row),
    spent_to_date: formatMoney(row.spent_to_date),
    forecast_total:
      row.forecast_total === null ? 'needs 3 days of data' : formatMoney(row.forecast_total),
    interval:
      row.forecast_lower === null || row.forecast_upper === null
        ? ''
        : `${formatMoney(row.forecast_lower)} – ${formatMoney(row.forecast_upper)}`,
  }));
  printRows('table', display, [
    ...dimensions,
    'month',
    'spent_to_date',
    'forecast_total',
    'interval',
    'method',
  ]);
  const first = rows[0];
  if (first) {
    process.stdout.write(
      `As of ${first.as_of}; the interval covers ${first.interval_level * 100} % of likely month-end totals.\n`,
    );
  }
}

function withoutDaily(row: ForecastRow): Record<string, string | number | null> {
  const { daily: _daily, ...rest } = row;
  return rest as Record<string, string | number | null>;
}

function toQuery(flags: ForecastFlags): string {
  const query = new URLSearchParams();
  if (flags.by) query.set('by', flags.by);
  if (flags.month) query.set('month', flags.month);
  if (flags.asOf) query.set('as_of', flags.asOf);
  for (const filter of flags.where) query.append('where', filter);
  return query.toString();
}
