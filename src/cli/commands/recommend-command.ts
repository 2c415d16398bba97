import type { Command } from 'commander';
import type { Recommendation, RecommendRequest } from '../../optimize/index.ts';
import { buildProviderRegistry } from '../build-pricer.ts';
import type { CliContext } from '../cli-context.ts';
import { WHERE_OPTION } from '../collect-option.ts';
import { fetchApi } from '../fetch-api.ts';
import { printRows } from '../output/print-rows.ts';
import { startProgress } from '../output/progress.ts';
import { withStore } from '../with-store.ts';

const FLAT_COLUMNS = [
  'kind',
  'scope',
  'title',
  'monthly_saving',
  'quality_risk',
  'risk_reason',
  'evidence',
  'whatif',
];
const TABLE_COLUMNS = ['kind', 'title', 'monthly_saving', 'quality_risk', 'whatif'];

export function registerRecommendCommand(program: Command, context: () => CliContext): void {
  program
    .command('recommend')
    .description(
      'ways to spend less — prompt bloat, cache opportunities, tiering, batch, output outliers, retry hot spots, context growth — each with its monthly saving (a whatif replay), evidence and quality risk',
    )
    .option('--from <date>', 'start, YYYY-MM-DD or ISO date-time (default: 30 days before --to)')
    .option(
      '--to <date>',
      'end, YYYY-MM-DD (that whole day included; default: the last stored day)',
    )
    .option('--kind <kinds>', 'only these kinds, comma-separated (e.g. tiering,batch)')
    .option(...WHERE_OPTION)
    .action(async (flags: RecommendRequest) => {
      const cli = context();
      const providers = buildProviderRegistry(cli.config.config).names();
      const { parseRecommendRequest, periodHours, recommend } =
        await import('../../optimize/index.ts');
      const rows = cli.server
        ? await fetchApi<Recommendation[]>(
            cli.server,
            `/api/v1/recommendations?${toQuery(flags)}`,
            cli.apiToken(),
          )
        : await withStore(cli, async (store) => {
            const spec = await parseRecommendRequest(flags, store, providers);
            if (spec === null) return [];
            const progress = startProgress('recommend', 2 * periodHours(spec), 'period hours');
            try {
              return await recommend(store, await cli.pricer(), spec, (hours) =>
                progress.increment(hours),
              );
            } finally {
              progress.stop();
            }
          });
      if (cli.format === 'json') {
        // Nested (scope, change, evidence): the one JSON shape the API also returns.
        process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
        return;
      }
      printRows(
        cli.format,
        rows.map((row) => flatten(row, cli.format === 'table')),
        cli.format === 'table' ? TABLE_COLUMNS : FLAT_COLUMNS,
      );
    });
}

function flatten(row: Recommendation, rounded: boolean): Record<string, string | number> {
  const pairs = (record: Record<string, string | number | undefined>, separator: string) =>
    Object.entries(record)
      .map(([key, value]) => `${key}=${value}`)
      .join(separator);
  return {
    kind: row.kind,
    scope: pairs(row.scope, ' '),
    title: row.title,
    monthly_saving: rounded ? row.monthly_saving.toFixed(2) : row.monthly_saving,
    quality_risk: row.quality_risk.level,
    risk_reason: row.quality_risk.reason,
    evidence: pairs(row.evidence, '; '),
    whatif: row.whatif,
  };
}

function toQuery(flags: RecommendRequest): string {
  const query = new URLSearchParams();
  if (flags.from) query.set('from', flags.from);
  if (flags.to) query.set('to', flags.to);
  if (flags.kind) query.set('kind', flags.kind);
  for (const filter of flags.where ?? []) query.append('where', filter);
  return query.toString();
}
