import type { Command } from 'commander';
import { parseTimeRange } from '../../analytics/index.ts';
import { ValidationError } from '../../domain/errors/index.ts';
import { toStoredPrecision } from '../../domain/money.ts';
import type { PricingUpdate } from '../../store/store.ts';
import type { CliContext } from '../cli-context.ts';
import { formatMoney } from '../output/format-table.ts';
import { startProgress } from '../output/progress.ts';
import { printRows } from '../output/print-rows.ts';
import { withStore } from '../with-store.ts';

const BATCH_SIZE = 20_000;

type ModelDifference = {
  provider: string;
  model: string;
  events: number;
  old_cost: number;
  new_cost: number;
  difference: number;
};

export function registerRepriceCommand(program: Command, context: () => CliContext): void {
  program
    .command('reprice')
    .description('re-price stored events of a period with the current catalog and overrides')
    .requiredOption('--from <date>', 'start, YYYY-MM-DD or ISO date-time (inclusive)')
    .requiredOption('--to <date>', 'end, YYYY-MM-DD (that whole day included) or ISO date-time')
    .option('--dry-run', 'show the difference without writing it')
    .action(async (flags: { from: string; to: string; dryRun?: boolean }) => {
      const cli = context();
      const range = parseTimeRange(flags.from, flags.to);
      if (range.from === undefined || range.to === undefined) {
        throw new ValidationError(
          'invalid time range',
          [{ field: 'from', reason: 'is required' }],
          'pass --from and --to',
        );
      }
      const { from, to } = range;
      const pricer = await cli.pricer();
      await withStore(cli, async (store) => {
        const stored = await store.report({
          dimensions: [],
          metric: 'cost',
          grain: 'none',
          from,
          to,
          filters: [],
        });
        const progress = startProgress('reprice', stored[0]?.requests ?? 0, 'events');
        const updates: PricingUpdate[] = [];
        const byModel = new Map<string, ModelDifference>();
        for await (const batch of store.eventsBetween(from, to, BATCH_SIZE)) {
          for (const event of batch) {
            const pricing = pricer.price(event);
            const before = event.pricing.effective?.total ?? 0;
            const after = pricing.effective?.total ?? 0;
            if (
              pricing.priceVersion === event.pricing.priceVersion &&
              before === after &&
              (pricing.list?.total ?? 0) === (event.pricing.list?.total ?? 0)
            )
              continue;
            updates.push({ id: event.id, pricing });
            const key = `${event.provider}\u0000${event.model}`;
            const row = byModel.get(key) ?? {
              provider: event.provider,
              model: event.model,
              events: 0,
              old_cost: 0,
              new_cost: 0,
              difference: 0,
            };
            row.events += 1;
            row.old_cost += before;
            row.new_cost += after;
            row.difference = row.new_cost - row.old_cost;
            byModel.set(key, row);
          }
          progress.increment(batch.length);
        }
        progress.stop();
        // One transaction for the whole period: a failure leaves every stored cost as it was.
        if (!flags.dryRun) await store.updatePricing(updates);
        const rows = [...byModel.values()]
          .map((row) => ({
            ...row,
            old_cost: toStoredPrecision(row.old_cost),
            new_cost: toStoredPrecision(row.new_cost),
            difference: toStoredPrecision(row.difference),
          }))
          .sort((a, b) => Math.abs(b.difference) - Math.abs(a.difference));
        if (cli.format !== 'table') {
          printRows(cli.format, rows);
          return;
        }
        const difference = rows.reduce((sum, row) => sum + row.difference, 0);
        process.stdout.write(
          `${flags.dryRun ? 'Would re-price' : 'Re-priced'} ${updates.length.toLocaleString('en-US')} of ${(stored[0]?.requests ?? 0).toLocaleString('en-US')} events with ${pricer.version}; difference ${difference >= 0 ? '+' : '−'}${formatMoney(Math.abs(difference))}\n`,
        );
        if (rows.length > 0) printRows('table', rows);
      });
    });
}
