import { Command, CommanderError } from 'commander';
import { CliContext } from './cli-context.ts';
import { registerAnomaliesCommand } from './commands/anomalies-command.ts';
import { registerAlertsCommand } from './commands/alerts-command.ts';
import { registerBatchCommand } from './commands/batch-command.ts';
import { registerWhatIfCommand } from './commands/what-if-command.ts';
import { registerRecommendCommand } from './commands/recommend-command.ts';
import { registerBudgetsCommand } from './commands/budgets-command.ts';
import { registerChargebackCommand } from './commands/chargeback-command.ts';
import { registerDemoCommand } from './commands/demo-command.ts';
import { registerExplainCommand } from './commands/explain-command.ts';
import { registerExperimentsCommand } from './commands/experiments-command.ts';
import { registerEstimateCommand } from './commands/estimate-command.ts';
import { registerExportCommand } from './commands/export-command.ts';
import { registerForecastCommand } from './commands/forecast-command.ts';
import { registerImportCommand } from './commands/import-command.ts';
import { registerIngestCommand } from './commands/ingest-command.ts';
import { registerKeysCommand } from './commands/keys-command.ts';
import { registerTokensCommand } from './commands/tokens-command.ts';
import { registerLayersCommand } from './commands/layers-command.ts';
import { registerMigrateCommand } from './commands/migrate-command.ts';
import { registerPricesCommand } from './commands/prices-command.ts';
import { registerReconcileCommand } from './commands/reconcile-command.ts';
import { registerReportCommand } from './commands/report-command.ts';
import { registerRepriceCommand } from './commands/reprice-command.ts';
import { registerStartCommand } from './commands/start-command.ts';
import { registerTracesCommand } from './commands/traces-command.ts';
import { registerUnitEconomicsCommand } from './commands/unit-economics-command.ts';
import { registerYieldCommand } from './commands/yield-command.ts';
import { addGlobalOptions, readGlobalOptions } from './global-options.ts';
import { describeError } from './output/print-error.ts';
import { TOKENOPS_VERSION } from './version.ts';

/** The tokenops CLI. Commands load their heavy modules (DuckDB, the catalog) on first use. */
export async function main(argv: readonly string[]): Promise<number> {
  const program = new Command('tokenops')
    .description('FinOps for LLM tokens: capture, price, attribute and govern every model call')
    .version(TOKENOPS_VERSION)
    .option('--data <dir>', 'data directory: embedded store and spool', './.tokenops')
    .option('--config <file>', 'config file (default ./tokenops.yaml when present)')
    .option('--server <url>', 'talk to a running tokenops start instead of opening the store')
    .option('--format <format>', 'table, json or csv', 'table')
    .option('--debug', 'print stack traces of unexpected errors')
    .enablePositionalOptions()
    .exitOverride()
    .showSuggestionAfterError();

  let context: CliContext | undefined;
  let leaf: Command = program;
  let ownFormat: ReadonlySet<Command> = new Set();
  program.hook('preAction', (_program, actionCommand) => {
    leaf = actionCommand;
  });
  const getContext = (): CliContext => {
    context ??= new CliContext(readGlobalOptions(program, leaf, ownFormat), process.cwd());
    return context;
  };
  registerStartCommand(program, getContext);
  registerDemoCommand(program, getContext);
  registerReportCommand(program, getContext);
  registerPricesCommand(program, getContext);
  registerRepriceCommand(program, getContext);
  registerIngestCommand(program, getContext);
  registerImportCommand(program, getContext);
  registerReconcileCommand(program, getContext);
  registerChargebackCommand(program, getContext);
  registerUnitEconomicsCommand(program, getContext);
  registerLayersCommand(program, getContext);
  registerYieldCommand(program, getContext);
  registerTracesCommand(program, getContext);
  registerExplainCommand(program, getContext);
  registerExportCommand(program, getContext);
  registerForecastCommand(program, getContext);
  registerEstimateCommand(program, getContext);
  registerKeysCommand(program, getContext);
  registerTokensCommand(program, getContext);
  registerBudgetsCommand(program, getContext);
  registerAlertsCommand(program, getContext);
  registerWhatIfCommand(program, getContext);
  registerRecommendCommand(program, getContext);
  registerExperimentsCommand(program, getContext);
  registerAnomaliesCommand(program, getContext);
  registerBatchCommand(program, getContext);
  registerMigrateCommand(program, getContext);
  ownFormat = addGlobalOptions(program);
  for (const command of program.commands) command.exitOverride();

  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    process.stderr.write(`${describeError(error)}\n`);
    const { debug } = readGlobalOptions(program, leaf, ownFormat);
    if (debug && error instanceof Error) process.stderr.write(`${error.stack}\n`);
    return 1;
  }
}
