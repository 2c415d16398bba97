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
}

export function registerWhatIfCommand(program: Command, context: () => CliContext): void {
  program
    .command('whatif')
    .description(
      're-price a period from its recorded tokens under one change: another model or a context cap',
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
    .action(async (flags: WhatIfFlags) => {
      const cli = context();
      const providers = buildProviderRegistry(cli.config.config).names();
      const { parseWhatIfRequest, runWhatIf } = await import('../../optimize/index.ts');
      const request = {
        from: flags.from,
        to: flags.to,
        where: flags.where,
        ...(flags.by === undefined ? {} : { by: flags.by }),
        ...(flags.model === undefined ? {} : { model: flags.model }),
        ...(flags.contextCap === undefined ? {} : { contextCap: flags.contextCap }),
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
  if (flags.model) query.set('model', flags.model);
  if (flags.contextCap) query.set('context_cap', flags.contextCap);
  for (const where of flags.where) query.append('where', where);
  return query.toString();
}
