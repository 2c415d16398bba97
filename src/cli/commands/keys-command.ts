import { join } from 'node:path';
import type { Command } from 'commander';
import { addVirtualKey, removeVirtualKey } from '../../config/index.ts';
import { NotFoundError, ValidationError } from '../../domain/errors/index.ts';
import type { CliContext } from '../cli-context.ts';
import { collectOption } from '../collect-option.ts';
import { printRows } from '../output/print-rows.ts';

interface CreateFlags {
  team: string;
  service?: string;
  feature?: string;
  env?: string;
  customer?: string;
  name?: string;
  tag: string[];
  provider: string[];
  model: string[];
}

/** `tokenops keys create|list|revoke`: gateway virtual keys, kept in tokenops.yaml as hashes. */
export function registerKeysCommand(program: Command, context: () => CliContext): void {
  const keys = program
    .command('keys')
    .description('gateway virtual keys: callers send one instead of a provider key');
  keys
    .command('create')
    .description('make a key; it is printed once and only its hash is written to tokenops.yaml')
    .requiredOption('--team <team>', 'team every call with the key is charged to')
    .option('--service <service>', 'service tag')
    .option('--feature <feature>', 'feature tag')
    .option('--env <environment>', 'environment tag')
    .option('--customer <customer>', 'customer tag')
    .option('--name <name>', 'a label for lists and revoking (default: team/service)')
    .option('--tag <key=value>', 'a free tag (repeatable)', collectOption, [])
    .option(
      '--provider <name>',
      'the only provider(s) the key may call (repeatable)',
      collectOption,
      [],
    )
    .option(
      '--model <glob>',
      'the only model(s) the key may ask for, e.g. gpt-4o-mini* (repeatable)',
      collectOption,
      [],
    )
    .action(async (flags: CreateFlags) => {
      const cli = context();
      const { generateVirtualKey, hashVirtualKey } = await import('../../gateway/index.ts');
      const path = cli.config.path ?? join(cli.cwd, 'tokenops.yaml');
      const tags: Record<string, string> = { team: flags.team };
      if (flags.service) tags.service = flags.service;
      if (flags.feature) tags.feature = flags.feature;
      if (flags.env) tags.environment = flags.env;
      if (flags.customer) tags.customer = flags.customer;
      for (const pair of flags.tag) {
        const [key, value] = pair.split('=', 2);
        if (!key || !value) {
          throw new ValidationError(
            'invalid option',
            [{ field: 'tag', reason: `"${pair}" is not key=value` }],
            'pass --tag region=eu, for instance',
          );
        }
        tags[key] = value;
      }
      const key = generateVirtualKey();
      const name = flags.name ?? [flags.team, flags.service].filter(Boolean).join('/');
      addVirtualKey(path, {
        name,
        hash: hashVirtualKey(key),
        tags,
        ...(flags.provider.length > 0 ? { providers: flags.provider } : {}),
        ...(flags.model.length > 0 ? { models: flags.model } : {}),
      });
      if (cli.format === 'json') {
        process.stdout.write(`${JSON.stringify({ key, name, tags, config: path }, null, 2)}\n`);
        return;
      }
      process.stdout.write(
        `${key}\n\nThis key is shown once: store it now. Its hash was added to ${path} as "${name}".\nRestart tokenops start to use it. Callers send it where the provider key goes (Authorization: Bearer, x-api-key…).\n`,
      );
    });
  keys
    .command('list')
    .description('the configured keys (names, tags and hash prefixes; keys are never stored)')
    .action(() => {
      const cli = context();
      const rows = cli.config.config.keys.map((key) => ({
        name: key.name ?? '',
        hash: `${key.hash.slice(0, 19)}…`,
        tags: Object.entries(key.tags)
          .map(([tag, value]) => `${tag}=${value}`)
          .join(';'),
        providers: key.providers?.join(';') ?? 'any',
        models: key.models?.join(';') ?? 'any',
      }));
      printRows(cli.format, rows, ['name', 'hash', 'tags', 'providers', 'models']);
    });
  keys
    .command('revoke <nameOrHash>')
    .description('remove a key from tokenops.yaml (takes effect when tokenops start restarts)')
    .action((nameOrHash: string) => {
      const cli = context();
      const path = cli.config.path ?? join(cli.cwd, 'tokenops.yaml');
      const removed = removeVirtualKey(path, nameOrHash);
      if (removed === 0) {
        throw new NotFoundError(
          `no key named "${nameOrHash}" in ${path}`,
          'run tokenops keys list to see the names',
        );
      }
      process.stdout.write(`revoked ${removed} key(s) named "${nameOrHash}"\n`);
    });
}
