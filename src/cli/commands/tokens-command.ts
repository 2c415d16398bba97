import { join } from 'node:path';
import type { Command } from 'commander';
import {
  addApiToken,
  API_ROLES,
  generateApiToken,
  hashApiToken,
  removeApiToken,
  type ApiRole,
} from '../../config/index.ts';
import { NotFoundError, ValidationError } from '../../domain/errors/index.ts';
import type { CliContext } from '../cli-context.ts';
import { printRows } from '../output/print-rows.ts';

interface CreateFlags {
  role: string;
  team?: string;
  name?: string;
}

/** `tokenops tokens create|list|revoke`: API and dashboard tokens, kept in tokenops.yaml as hashes. */
export function registerTokensCommand(program: Command, context: () => CliContext): void {
  const tokens = program
    .command('tokens')
    .description('API and dashboard tokens with a role: admin, finance or team (docs/security.md)');
  tokens
    .command('create')
    .description('make a token; it is printed once and only its hash is written to tokenops.yaml')
    .requiredOption('--role <role>', `${API_ROLES.join(', ')}`)
    .option('--team <team>', 'for --role team: the one team the token reads')
    .option('--name <name>', 'a label for lists and revoking (default: role/team)')
    .action((flags: CreateFlags) => {
      const cli = context();
      const role = checkRole(flags);
      const path = cli.config.path ?? join(cli.cwd, 'tokenops.yaml');
      const token = generateApiToken();
      const name = flags.name ?? [role, flags.team].filter(Boolean).join('/');
      addApiToken(path, {
        name,
        role,
        ...(flags.team !== undefined ? { team: flags.team } : {}),
        hash: hashApiToken(token),
      });
      if (cli.format === 'json') {
        const shown = { token, name, role, team: flags.team ?? null, config: path };
        process.stdout.write(`${JSON.stringify(shown, null, 2)}\n`);
        return;
      }
      process.stdout.write(
        `${token}\n\nThis token is shown once: store it now. Its hash was added to ${path} as "${name}".\nRestart tokenops start to use it. Send it as Authorization: Bearer <token>, or paste it into the dashboard's token field.\n`,
      );
    });
  tokens
    .command('list')
    .description(
      'the configured tokens (names, roles, teams and hash prefixes; tokens are never stored)',
    )
    .action(() => {
      const cli = context();
      const rows = cli.config.config.auth.tokens.map((token) => ({
        name: token.name,
        role: token.role,
        team: token.team ?? '',
        hash: `${token.hash.slice(0, 19)}…`,
      }));
      printRows(cli.format, rows, ['name', 'role', 'team', 'hash']);
    });
  tokens
    .command('revoke <nameOrHash>')
    .description('remove a token from tokenops.yaml (takes effect when tokenops start restarts)')
    .action((nameOrHash: string) => {
      const cli = context();
      const path = cli.config.path ?? join(cli.cwd, 'tokenops.yaml');
      if (removeApiToken(path, nameOrHash) === 0) {
        throw new NotFoundError(
          `no token named "${nameOrHash}" in ${path}`,
          'run tokenops tokens list to see the names',
        );
      }
      process.stdout.write(`revoked the token "${nameOrHash}"\n`);
    });
}

function checkRole(flags: CreateFlags): ApiRole {
  const role = API_ROLES.find((known) => known === flags.role);
  if (role === undefined) {
    throw new ValidationError(
      'invalid option',
      [{ field: 'role', reason: `"${flags.role}" is not a role` }],
      `pass --role ${API_ROLES.join('|')}`,
    );
  }
  if (role === 'team' && flags.team === undefined) {
    throw new ValidationError(
      'invalid option',
      [{ field: 'team', reason: 'a team token reads one team' }],
      'pass --team TEAM with --role team',
    );
  }
  if (role !== 'team' && flags.team !== undefined) {
    throw new ValidationError(
      'invalid option',
      [{ field: 'team', reason: `a ${role} token reads every team` }],
      'drop --team, or pass --role team',
    );
  }
  return role;
}
