import type { Command } from 'commander';
import { ValidationError } from '../../domain/errors/index.ts';
import type { CliContext } from '../cli-context.ts';
import { printRows } from '../output/print-rows.ts';
import { withStore } from '../with-store.ts';

/**
 * `tokenops migrate`: creates or upgrades the schema of the configured store (opening a store
 * migrates it) and prints the version it now has.
 */
export function registerMigrateCommand(program: Command, context: () => CliContext): void {
  program
    .command('migrate')
    .description('create or upgrade the schema of the configured store and print its version')
    .action(async () => {
      const cli = context();
      if (cli.server) {
        throw new ValidationError(
          'invalid option',
          [{ field: 'server', reason: 'migrate changes the store itself, not a running server' }],
          'run tokenops migrate without --server, with the config that names the store',
        );
      }
      const schemaVersion = await withStore(cli, (store) => store.schemaVersion());
      const store = cli.config.config.store.url ?? `embedded DuckDB under ${cli.dataDir}`;
      printRows(cli.format, [{ store, schema_version: schemaVersion }]);
    });
}
