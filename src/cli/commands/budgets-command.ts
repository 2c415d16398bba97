import type { Command } from 'commander';
import { budgetSchema } from '../../config/index.ts';
import { ValidationError } from '../../domain/errors/index.ts';
import type { Budget } from '../../domain/budget.ts';
import type { BudgetStatus } from '../../govern/index.ts';
import type { CliContext } from '../cli-context.ts';
import { collectOption } from '../collect-option.ts';
import { fetchApi } from '../fetch-api.ts';
import { printRows } from '../output/print-rows.ts';
import { withStore } from '../with-store.ts';

const COLUMNS = [
  'name',
  'scope',
  'period',
  'spent_usd',
  'limit_usd',
  'used',
  'forecast_usd',
  'runs_out_on',
  'hard',
  'resets_at',
];

export function registerBudgetsCommand(program: Command, context: () => CliContext): void {
  const budgets = program
    .command('budgets')
    .description('budgets: spend, share used and month-end forecast; set and delete API budgets')
    .option('--format <format>', 'output: table, json or csv')
    .option('--data <dir>', 'data directory (default ./.tokenops)')
    .option('--config <file>', 'config file (default ./tokenops.yaml when present)')
    .option('--server <url>', 'talk to a running tokenops start instead of opening the store')
    .option('--debug', 'print stack traces of unexpected errors')
    .action(async () => {
      const cli = context();
      const rows = cli.server
        ? await fetchApi<BudgetStatus[]>(cli.server, '/api/v1/budgets', cli.apiToken())
        : await withStore(cli, async (store) => {
            const { budgetStatuses, createBudgetBook } = await import('../../govern/index.ts');
            const book = await createBudgetBook(store, cli.config.config.budgets);
            return budgetStatuses(store, undefined, book.all(), Date.now());
          });
      if (cli.format === 'json') {
        process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
        return;
      }
      printRows(cli.format, rows.map(flatten), COLUMNS);
    });
  budgets
    .command('set')
    .description('create or replace a budget kept by the server (tokenops.yaml budgets stay there)')
    .argument('<name>', 'budget name, e.g. search-monthly')
    .requiredOption('--limit <usd>', 'limit in USD for each period')
    .option('--period <period>', 'day, week (from Monday) or month, UTC', 'month')
    .option(
      '--scope <tag=value>',
      'a tag calls must carry (repeatable); none: every call',
      collectOption,
      [],
    )
    .option('--virtual-key <name>', 'only calls made with this virtual key')
    .option('--hard', 'refuse calls (429) whose estimate would pass the limit')
    .option('--thresholds <fractions>', 'alert thresholds, comma-separated', '0.5,0.8,1')
    .option('--on-redis-down <mode>', 'open or closed', 'open')
    .action(async (name: string, flags: SetFlags) => {
      const cli = context();
      const budget = parseBudget(name, flags);
      const result = cli.server
        ? await fetchApi<{ status: string }>(cli.server, '/api/v1/budgets', cli.apiToken(), {
            method: 'POST',
            body: JSON.stringify(budget),
            contentType: 'application/json',
          })
        : await withStore(cli, async (store) => {
            const { createBudgetBook } = await import('../../govern/index.ts');
            const book = await createBudgetBook(store, cli.config.config.budgets);
            return { status: await book.save(budget) };
          });
      printRows(cli.format, [{ name, status: result.status }]);
    });
  budgets
    .command('delete')
    .description('delete a budget made with budgets set or the API')
    .argument('<name>', 'budget name')
    .action(async (name: string) => {
      const cli = context();
      if (cli.server) {
        await fetchApi(cli.server, `/api/v1/budgets/${encodeURIComponent(name)}`, cli.apiToken(), {
          method: 'DELETE',
        });
      } else {
        await withStore(cli, async (store) => {
          const { createBudgetBook } = await import('../../govern/index.ts');
          await (await createBudgetBook(store, cli.config.config.budgets)).remove(name);
        });
      }
      printRows(cli.format, [{ name, status: 'deleted' }]);
    });
}

interface SetFlags {
  limit: string;
  period: string;
  scope: string[];
  virtualKey?: string;
  hard?: boolean;
  thresholds: string;
  onRedisDown: string;
}

function parseBudget(name: string, flags: SetFlags): Budget {
  const scope: Record<string, string> = {};
  for (const pair of flags.scope) {
    const [key, ...value] = pair.split('=');
    if (!key || value.length === 0) {
      throw new ValidationError(
        'invalid budget',
        [{ field: 'scope', reason: `"${pair}" is not TAG=VALUE` }],
        'pass --scope team=search',
      );
    }
    scope[key] = value.join('=');
  }
  const parsed = budgetSchema.safeParse({
    name,
    scope,
    period: flags.period,
    limitUsd: Number(flags.limit),
    hard: flags.hard ?? false,
    thresholds: flags.thresholds.split(',').map(Number),
    onRedisDown: flags.onRedisDown,
    ...(flags.virtualKey ? { virtualKey: flags.virtualKey } : {}),
  });
  if (!parsed.success) {
    throw new ValidationError(
      'invalid budget',
      parsed.error.issues.map((issue) => ({ field: issue.path.join('.'), reason: issue.message })),
      'tokenops budgets set NAME --limit 500 --period month --scope team=search [--hard]',
    );
  }
  return parsed.data;
}

function flatten(row: BudgetStatus): Record<string, string | number | boolean | null> {
  const scope = Object.entries(row.scope).map(([key, value]) => `${key}=${value}`);
  if (row.virtual_key) scope.push(`key=${row.virtual_key}`);
  return {
    ...row,
    scope: scope.join(',') || '(all)',
    used: `${(row.share_used * 100).toFixed(1)} %`,
  };
}
