import type { Command } from 'commander';
import type { WhatIfRow } from '../../optimize/index.ts';
import { buildProviderRegistry } from '../build-pricer.ts';
import type { CliContext } from '../cli-context.ts';
import { collectOption } from '../collect-option.ts';
import { fetchApi } from '../fetch-api.ts';
import { printRows } from '../output/print-rows.ts';
import { withStore } from '../with-store.ts';

interface WhatIfFlags {
  from: string;
  to: string;
  by?: string;
  where: string[];
  model?: string;
  contextCap?: string;
  tier?: string;
  cache?: string;
  cacheTtl?: string;
  outputCap?: string;
  fixRetries?: boolean;
  systemPromptTokens?: string;
}

/** Scenario flags and their API query parameters. */
const SCENARIO_PARAMETERS = [
  ['model', 'model'],
  ['contextCap', 'context_cap'],
  ['tier', 'tier'],
  ['cache', 'cache'],
  ['cacheTtl', 'cache_ttl'],
  ['outputCap', 'output_cap'],
  ['systemPromptTokens', 'system_prompt_tokens'],
] as const;

export function registerWhatIfCommand(program: Command, context: () => CliContext): void {
  program
    .command('whatif')
    .description(
      're-price a period from its recorded tokens under one change: another model, a context cap, a tier, a prompt cache, an exact response cache, an output cap, no retries or a shorter system prompt',
    )
    .requiredOption('--from <date>', 'start, YYYY-MM-DD or ISO date-time (inclusive)')
    .requiredOption('--to <date>', 'end, YYYY-MM-DD (that whole day included) or ISO date-time')
    .option(
      '--where <key=value>',
      'only these calls, e.g. feature=support-chat (repeatable)',
      collectOption,
      [],
    )
    .option('--by <dims>', 'a row per value of these dimensions, e.g. feature,model')
    .option('--model <model>', 'replay on this model (provider:model for another provider)')
    .option('--context-cap <tokens>', 'replay with prompts trimmed to this many tokens')
    .option('--tier <tier>', 'replay on the batch or flex service tier')
    .option(
      '--cache <what>',
      'prefix: replay with system prompt and tools read from cache; exact: with the exact response cache on',
    )
    .option('--cache-ttl <seconds>', 'the exact cache’s time to live (default 3600)')
    .option('--output-cap <tokens>', 'replay with answers cut to this many tokens')
    .option(
      '--fix-retries',
      'replay with failed attempts billing nothing (the causes of retries fixed)',
    )
    .option('--system-prompt-tokens <tokens>', 'replay with system prompts trimmed to this size')
    .action(async (flags: WhatIfFlags) => {
      const cli = context();
      const providers = buildProviderRegistry(cli.config.config).names();
      const { parseWhatIfRequest, runWhatIf } = await import('../../optimize/index.ts');
      const request = {
        from: flags.from,
        to: flags.to,
        where: flags.where,
        ...(flags.by === undefined ? {} : { by: flags.by }),
        ...Object.fromEntries(
          SCENARIO_PARAMETERS.flatMap(([flag]) =>
            flags[flag] === undefined ? [] : [[flag, flags[flag]]],
          ),
        ),
        ...(flags.fixRetries === true ? { fixRetries: 'true' } : {}),
      };
      const spec = parseWhatIfRequest(request, providers);
      const rows = cli.server
        ? await fetchApi<WhatIfRow[]>(
            cli.server,
            `/api/v1/whatif?${toQuery(flags)}`,
            cli.apiToken(),
          )
        : await withStore(cli, async (store) => runWhatIf(store, await cli.pricer(), spec));
      printRows(
        cli.format,
        rows.map((row) =>
          cli.format === 'table'
            ? { ...row, saving_share: `${(row.saving_share * 100).toFixed(1)} %` }
            : row,
        ),
      );
      const unpriced = rows.reduce((sum, row) => sum + row.unpriced, 0);
      if (unpriced > 0 && cli.format === 'table') {
        process.stderr.write(
          `${unpriced} call(s) could not be priced and are left out; for another provider's model write provider:model\n`,
        );
      }
    });
}

function toQuery(flags: WhatIfFlags): string {
  const query = new URLSearchParams({ from: flags.from, to: flags.to });
  if (flags.by) query.set('by', flags.by);
  for (const [flag, parameter] of SCENARIO_PARAMETERS) {
    const value = flags[flag];
    if (value !== undefined) query.set(parameter, value);
  }
  if (flags.fixRetries === true) query.set('fix_retries', 'true');
  for (const where of flags.where) query.append('where', where);
  return query.toString();
}
