import type { Command } from 'commander';
import { join } from 'node:path';
import { readSecret } from '../../config/index.ts';
import { ConfigError, ValidationError } from '../../domain/errors/index.ts';
import { latencyObjectives } from '../../analytics/index.ts';
import type { CliContext } from '../cli-context.ts';
import { packageRoot } from '../package-root.ts';
import { TOKENOPS_VERSION } from '../version.ts';

export function registerStartCommand(program: Command, context: () => CliContext): void {
  program
    .command('start')
    .description('serve the gateway, ingest and the API on one port')
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--port <port>', 'port to listen on', '8787')
    .action(async (flags: { host: string; port: string }) => {
      const cli = context();
      const port = Number(flags.port);
      if (!Number.isInteger(port) || port < 0 || port > 65_535) {
        throw new ValidationError(
          'invalid option',
          [{ field: 'port', reason: `"${flags.port}" is not a port number` }],
          'pass --port 8787, for instance',
        );
      }
      const config = cli.config.config;
      const adminToken = readSecret(config.auth.adminTokenEnv);
      if (config.auth.adminTokenEnv && !adminToken) {
        // Starting with an open API when a token was asked for would be a silent hole.
        throw new ConfigError(
          `auth.adminTokenEnv names ${config.auth.adminTokenEnv}, which is not set`,
          `export ${config.auth.adminTokenEnv}=<a long random token>, or remove auth.adminTokenEnv`,
        );
      }
      const store = await cli.openStore('server');
      const { createApp } = await import('../../server/app.ts');
      const { serveDashboard } = await import('../../server/serve-dashboard.ts');
      const { buildProviderRegistry, buildPricerSpec } = await import('../build-pricer.ts');
      const { startGateway } = await import('../start-gateway.ts');
      const { startGovernance, startGovernanceLoop } = await import('../start-governance.ts');
      const log = (line: string) => process.stderr.write(`${line}\n`);
      const governance = await startGovernance({ config, store, pricer: await cli.pricer(), log });
      const { gateway, spool } = await startGateway({
        config,
        dataDir: cli.dataDir,
        store,
        pricer: () => cli.pricer(),
        governor: governance.governor,
        log,
      });
      const server = createApp({
        store,
        version: TOKENOPS_VERSION,
        ...(adminToken ? { adminToken } : {}),
        apiTokens: config.auth.tokens,
        spoolLost: () => spool.lost(),
        limits: config.limits,
        sharedScopes: config.allocation.sharedScopes,
        pricer: await cli.pricer(),
        pricerSpec: buildPricerSpec(config),
        providers: buildProviderRegistry(config).names(),
        referenceModels: config.allocation.referenceModels,
        objectives: latencyObjectives(config.objectives),
        otlpTagAttributes: config.otlp.tagAttributes,
        routing: config.routing,
        gateway,
        governance,
        log,
        // `npm run build:web` writes it; without it `/` says so.
        dashboard: serveDashboard(join(packageRoot(), 'web', 'dist')),
      });
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, flags.host, resolve);
      }).catch(async (error: unknown) => {
        await gateway.close();
        await spool.close();
        await store.close();
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'EADDRINUSE') {
          throw new ValidationError(
            'cannot start',
            [{ field: 'port', reason: `${flags.host}:${port} is already in use` }],
            'stop the other server or pass another --port',
          );
        }
        throw error;
      });
      const address = server.address();
      const shown =
        typeof address === 'object' && address
          ? `http://${flags.host}:${address.port}`
          : flags.host;
      const loop = startGovernanceLoop({
        config,
        store,
        governance,
        linkBase: config.governance.publicUrl ?? shown,
        log,
      });
      process.stdout.write(
        `tokenops ${TOKENOPS_VERSION} listening on ${shown} (store: ${cli.config.config.store.url ?? cli.dataDir})\n  gateway: ${shown}/openai/v1  ${shown}/anthropic  ${shown}/gemini  ${shown}/bedrock  ${shown}/compat/NAME/v1\n  report:  ${shown}/api/v1/report?by=team,feature&grain=day\n  api:     ${shown}/api/openapi.json\n  dashboard: ${shown}/\n`,
      );
      const shutdown = () => {
        server.close();
        // Spooled events go to the store before it closes; what it cannot take waits on disk.
        void loop
          .stop()
          .then(() => gateway.close())
          .then(() => spool.close())
          .then(() => governance.ledger.close())
          .then(() => store.close())
          .then(
            () => process.exit(0),
            (error: unknown) => {
              log(
                `tokenops: shutdown did not finish cleanly (${String(error)}); unsent events stay in the spool for the next start`,
              );
              process.exit(1);
            },
          );
      };
      process.once('SIGINT', shutdown);
      process.once('SIGTERM', shutdown);
    });
}
