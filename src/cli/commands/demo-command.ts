import type { Command } from 'commander';
import { ValidationError } from '../../domain/errors/index.ts';
import { UNATTRIBUTED } from '../../domain/tags.ts';
import type { Store } from '../../store/store.ts';
import type { CliContext } from '../cli-context.ts';
import { formatMoney } from '../output/format-table.ts';
import { startProgress } from '../output/progress.ts';
import { printRows } from '../output/print-rows.ts';
import { withStore } from '../with-store.ts';

const DAY_MS = 86_400_000;

interface DemoFlags {
  days: string;
  seed: string;
  end?: string;
  eventsPerDay?: string;
  ifEmpty?: boolean;
  live?: boolean;
  requests: string;
}

export function registerDemoCommand(program: Command, context: () => CliContext): void {
  program
    .command('demo')
    .description(
      'write a generated, realistic company workload to the store (replaces an earlier demo)',
    )
    .option('--days <days>', 'days of traffic', '30')
    .option('--seed <seed>', 'random seed: the same seed gives the same workload', '42')
    .option('--end <date>', 'last day covered, YYYY-MM-DD (default: yesterday, UTC)')
    .option('--events-per-day <count>', 'average calls per day (default about 33,000)')
    .option('--if-empty', 'do nothing when the store already holds events')
    .option(
      '--live',
      'instead, send real HTTP calls through the gateway into local provider stand-ins',
    )
    .option('--requests <count>', 'calls to send with --live', '200')
    .action(async (flags: DemoFlags) => {
      const cli = context();
      if (flags.live) {
        const { runLiveDemo } = await import('../run-live-demo.ts');
        await runLiveDemo(cli, {
          requests: positiveInteger(flags.requests, 'requests'),
          seed: positiveInteger(flags.seed, 'seed'),
        });
        return;
      }
      const options = {
        days: positiveInteger(flags.days, 'days'),
        seed: positiveInteger(flags.seed, 'seed'),
        end: endOf(flags.end),
        ...(flags.eventsPerDay
          ? { eventsPerDay: positiveInteger(flags.eventsPerDay, 'events-per-day') }
          : {}),
      };
      const { buildPricerSpec } = await import('../build-pricer.ts');
      const pricer = buildPricerSpec(cli.config.config);
      const { loadDemoWorkload, planDemoWorkload } = await import('../../demo/index.ts');
      await withStore(cli, async (store) => {
        if (flags.ifEmpty && (await store.timeRange()) !== null) {
          process.stderr.write(
            'tokenops: the store already holds events; demo not loaded (--if-empty)\n',
          );
          return;
        }
        const replaced = await store.deleteSource('demo');
        const plan = planDemoWorkload(options);
        const progress = startProgress('demo', plan.totalEvents, 'events');
        const started = performance.now();
        const { events: written, cost } = await loadDemoWorkload(store, options, pricer, (count) =>
          progress.increment(count),
        );
        progress.stop();
        const seconds = (performance.now() - started) / 1000;
        const budgets = await saveDemoBudgets(store, options.end);
        const summary = {
          events: written,
          replaced_events: replaced,
          from: new Date(options.end - options.days * DAY_MS).toISOString().slice(0, 10),
          to: new Date(options.end - DAY_MS).toISOString().slice(0, 10),
          cost: Math.round(cost * 100) / 100,
          seconds: Math.round(seconds * 10) / 10,
          events_per_second: Math.round(written / seconds),
          budgets,
        };
        if (cli.format === 'table') {
          process.stdout.write(
            `Loaded ${written.toLocaleString('en-US')} demo events (${summary.from} to ${summary.to}, ${formatMoney(cost)}) in ${summary.seconds}s — ${summary.events_per_second.toLocaleString('en-US')} events/s, and ${budgets} soft monthly team budgets (demo-TEAM-monthly).\nTry: tokenops report --by team --grain week · tokenops budgets · tokenops anomalies\n`,
          );
        } else {
          printRows(cli.format, [summary]);
        }
      });
    });
}

function positiveInteger(text: string, field: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < 1) {
    throw new ValidationError(
      'invalid option',
      [{ field, reason: `"${text}" is not a whole number above 0` }],
      `pass --${field} 30, for instance`,
    );
  }
  return value;
}

/** The workload ends at the midnight after `--end` (default: today's midnight, UTC). */
function endOf(text: string | undefined): number {
  if (text === undefined) {
    const now = new Date();
    return Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  }
  const parsed = /^\d{4}-\d{2}-\d{2}$/.test(text) ? Date.parse(`${text}T00:00:00Z`) : NaN;
  if (Number.isNaN(parsed)) {
    throw new ValidationError(
      'invalid option',
      [{ field: 'end', reason: `"${text}" is not a date` }],
      'write --end as YYYY-MM-DD',
    );
  }
  return parsed + DAY_MS;
}

/** Soft monthly budgets per team from the last 30 demo days' spend (see demoBudgets). */
async function saveDemoBudgets(store: Store, end: number): Promise<number> {
  const { demoBudgets } = await import('../../demo/index.ts');
  const rows = await store.report({
    dimensions: ['team'],
    metric: 'cost',
    grain: 'none',
    from: end - 30 * DAY_MS,
    to: end,
    filters: [],
  });
  const spend = new Map(
    rows.filter((row) => row.team !== UNATTRIBUTED).map((row) => [String(row.team), row.cost]),
  );
  const budgets = demoBudgets(spend);
  for (const budget of budgets) await store.saveBudget(budget);
  return budgets.length;
}
