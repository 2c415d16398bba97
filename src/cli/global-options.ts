import type { Command } from 'commander';
import type { GlobalOptions } from './cli-context.ts';

const KEYS = ['data', 'config', 'server', 'format', 'debug'] as const;

/**
 * The global options of PRODUCT.md §9 may come before the command or after it (`tokenops
 * report --by team --format json`). Program options are positional — parsed before the
 * command only — because `import` and `ingest` give `--format` another meaning (the file's
 * format); so every leaf command also takes the global options itself, except a `--format` it
 * already defines.
 */
export function addGlobalOptions(program: Command): Set<Command> {
  const ownFormat = new Set<Command>();
  const visit = (command: Command): void => {
    if (command.commands.length > 0) {
      command.commands.forEach(visit);
      return;
    }
    const has = (flag: string) => command.options.some((option) => option.long === flag);
    if (has('--format')) ownFormat.add(command);
    else command.option('--format <format>', 'output: table, json or csv');
    command
      .option('--data <dir>', 'data directory (default ./.tokenops)')
      .option('--config <file>', 'config file (default ./tokenops.yaml when present)')
      .option('--server <url>', 'talk to a running tokenops start instead of opening the store')
      .option('--debug', 'print stack traces of unexpected errors');
  };
  program.commands.forEach(visit);
  return ownFormat;
}

/** A value given after the command wins over one given before it, which wins over the default. */
export function readGlobalOptions(
  program: Command,
  leaf: Command,
  ownFormat: ReadonlySet<Command>,
): GlobalOptions {
  const merged: Record<string, unknown> = { ...program.opts() };
  for (
    let command: Command | null = leaf;
    command && command !== program;
    command = command.parent
  ) {
    for (const key of KEYS) {
      if (key === 'format' && ownFormat.has(command)) continue;
      if (command.getOptionValueSource(key) === 'cli') merged[key] = command.getOptionValue(key);
    }
  }
  return merged as unknown as GlobalOptions;
}
