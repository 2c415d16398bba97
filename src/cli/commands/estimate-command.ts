import type { Command } from 'commander';
import type { EstimateOptions, EstimateRow } from '../../govern/index.ts';
import type { CliContext } from '../cli-context.ts';
import { fetchApi } from '../fetch-api.ts';
import { formatMoney } from '../output/format-table.ts';
import { printRows } from '../output/print-rows.ts';

/** Flag → API parameter, for --server. */
const QUERY_NAMES: Record<keyof EstimateOptions, string> = {
  model: 'model',
  provider: 'provider',
  inputTokens: 'input_tokens',
  outputTokens: 'output_tokens',
  cachedInputTokens: 'cached_input_tokens',
  requestsPerDay: 'requests_per_day',
  daysPerMonth: 'days_per_month',
};

export function registerEstimateCommand(program: Command, context: () => CliContext): void {
  program
    .command('estimate')
    .description('before launch: the monthly cost of candidate models for one request shape')
    .requiredOption('--model <models>', 'comma-separated: gpt-4o-mini,anthropic:claude-haiku-4-5')
    .requiredOption('--input-tokens <tokens>', 'prompt tokens per request, cached ones included')
    .requiredOption('--output-tokens <tokens>', 'generated tokens per request, reasoning included')
    .requiredOption('--requests-per-day <count>', 'requests a day')
    .option(
      '--cached-input-tokens <tokens>',
      'the part of the input read from the prompt cache',
      '0',
    )
    .option(
      '--provider <provider>',
      'provider of the models given without one (default: any that prices them)',
    )
    .option('--days-per-month <days>', 'days a month', '30')
    .action(async (options: EstimateOptions) => {
      const cli = context();
      const rows = cli.server
        ? await fetchApi<EstimateRow[]>(
            cli.server,
            `/api/v1/estimate?${toQuery(options)}`,
            cli.apiToken(),
          )
        : await estimateLocally(cli, options);
      if (cli.format !== 'table') {
        printRows(cli.format, rows);
        return;
      }
      const display = rows.map((row, index) => ({
        model: row.model,
        provider: row.provider,
        per_request: formatMoney(row.cost_per_request),
        per_day: formatMoney(row.cost_per_day),
        per_month: formatMoney(row.cost_per_month),
        vs_cheapest: index === 0 ? 'cheapest' : `+${formatMoney(row.difference_per_month)}`,
      }));
      printRows('table', display);
      process.stdout.write('Effective prices today (discounts in tokenops.yaml included).\n');
    });
}

async function estimateLocally(cli: CliContext, options: EstimateOptions): Promise<EstimateRow[]> {
  const [{ estimateModelCosts, parseEstimateRequest }, { buildProviderRegistry }] =
    await Promise.all([import('../../govern/index.ts'), import('../build-pricer.ts')]);
  const request = parseEstimateRequest(options);
  const providers = buildProviderRegistry(cli.config.config).names();
  return estimateModelCosts(request, await cli.pricer(), providers, new Date());
}

function toQuery(options: EstimateOptions): string {
  const query = new URLSearchParams();
  for (const [flag, name] of Object.entries(QUERY_NAMES)) {
    const value = options[flag as keyof EstimateOptions];
    if (value !== undefined) query.set(name, value);
  }
  return query.toString();
}
