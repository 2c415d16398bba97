import type { Command } from 'commander';
import { ValidationError } from '../../domain/errors/index.ts';
import { SERVICE_TIERS, type ServiceTier } from '../../domain/usage-event.ts';
import type { UnpricedModel } from '../../store/store.ts';
import type { CliContext } from '../cli-context.ts';
import { fetchApi } from '../fetch-api.ts';
import { printRows } from '../output/print-rows.ts';
import { withStore } from '../with-store.ts';

interface CostFlags {
  provider: string;
  model: string;
  input: string;
  output: string;
  cacheRead: string;
  cacheWrite: string;
  cacheWrite1h: string;
  reasoning: string;
  tier: string;
  at?: string;
}

export function registerPricesCommand(program: Command, context: () => CliContext): void {
  const prices = program
    .command('prices')
    .description('the price catalog, overrides and unpriced models');

  prices
    .command('cost')
    .description(
      'price one call; counts as the provider reports them (--input is its input/prompt count)',
    )
    .requiredOption(
      '--provider <provider>',
      'openai, anthropic, gemini, bedrock, azure or a configured name',
    )
    .requiredOption('--model <model>', 'model (or Azure deployment) name')
    .option('--input <tokens>', "input tokens in the provider's own convention", '0')
    .option('--output <tokens>', "output tokens in the provider's own convention", '0')
    .option('--cache-read <tokens>', 'cache-read tokens', '0')
    .option('--cache-write <tokens>', 'cache-write tokens (all time-to-live)', '0')
    .option(
      '--cache-write-1h <tokens>',
      'the part of --cache-write with a one-hour time to live',
      '0',
    )
    .option('--reasoning <tokens>', 'reasoning / thinking tokens', '0')
    .option('--tier <tier>', 'standard, batch, flex or priority', 'standard')
    .option('--at <date>', 'price as of this day (YYYY-MM-DD; default now)')
    .action(async (flags: CostFlags) => {
      const cli = context();
      const pricer = await cli.pricer();
      const quote = pricer.quote({
        provider: flags.provider,
        model: flags.model,
        reported: {
          input: count(flags.input, 'input'),
          output: count(flags.output, 'output'),
          cacheRead: count(flags.cacheRead, 'cache-read'),
          cacheWrite: count(flags.cacheWrite, 'cache-write'),
          cacheWrite1h: count(flags.cacheWrite1h, 'cache-write-1h'),
          reasoning: count(flags.reasoning, 'reasoning'),
        },
        tier: tierOf(flags.tier),
        at: dateOf(flags.at),
      });
      if (cli.format === 'json') process.stdout.write(`${JSON.stringify(quote, null, 2)}\n`);
      else printRows(cli.format, [quote]);
    });

  prices
    .command('show')
    .description('catalog rates, tiers and the overrides that apply to a model')
    .argument('<model>', 'model name')
    .requiredOption('--provider <provider>', 'provider of the model')
    .option('--at <date>', 'rates as of this day (YYYY-MM-DD; default now)')
    .action(async (model: string, flags: { provider: string; at?: string }) => {
      const cli = context();
      const pricer = await cli.pricer();
      const description = pricer.describe(flags.provider, model, dateOf(flags.at));
      if (!description) {
        throw new ValidationError(
          'unknown model',
          [{ field: 'model', reason: `the catalog has no price for ${flags.provider}/${model}` }],
          'check the spelling, or add a price under pricing.overrides in tokenops.yaml',
        );
      }
      process.stdout.write(`${JSON.stringify(description, null, 2)}\n`);
    });

  prices
    .command('unpriced')
    .description('models seen in traffic that nothing can price (their cost is stored as null)')
    .action(async () => {
      const cli = context();
      const rows = cli.server
        ? await fetchApi<UnpricedModel[]>(cli.server, '/api/v1/prices/unpriced', cli.apiToken())
        : await withStore(cli, (store) => store.unpriced());
      const display = rows.map((row) => ({
        provider: row.provider,
        model: row.model,
        events: row.events,
        input_tokens: row.inputTokens,
        output_tokens: row.outputTokens,
        first_seen: new Date(row.firstSeen).toISOString(),
        last_seen: new Date(row.lastSeen).toISOString(),
      }));
      if (cli.format === 'table' && display.length === 0)
        process.stdout.write('every stored event is priced\n');
      else printRows(cli.format, display);
    });
}

function count(text: string, field: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new ValidationError(
      'invalid option',
      [{ field, reason: `"${text}" is not a token count (a whole number, 0 or more)` }],
      `pass --${field} 1200, for instance`,
    );
  }
  return value;
}

function tierOf(text: string): ServiceTier {
  if ((SERVICE_TIERS as readonly string[]).includes(text)) return text as ServiceTier;
  throw new ValidationError(
    'invalid option',
    [{ field: 'tier', reason: `"${text}" is not a service tier` }],
    `use --tier ${SERVICE_TIERS.join('|')}`,
  );
}

function dateOf(text: string | undefined): Date {
  if (text === undefined) return new Date();
  const parsed = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T00:00:00Z` : text);
  if (Number.isNaN(parsed)) {
    throw new ValidationError(
      'invalid option',
      [{ field: 'at', reason: `"${text}" is not a date` }],
      'write --at as YYYY-MM-DD',
    );
  }
  return new Date(parsed);
}
