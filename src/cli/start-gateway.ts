import { join } from 'node:path';
import { readSecret, type TokenopsConfig } from '../config/index.ts';
import { ConfigError } from '../domain/errors/index.ts';
import type { Gateway, Spool } from '../gateway/index.ts';
import type { Pricer } from '../pricing/index.ts';
import type { Store } from '../store/store.ts';
import type { CallGovernor, Ledger } from '../govern/index.ts';
import { buildProviderRegistry } from './build-pricer.ts';

/**
 * The gateway of `tokenops start`: the spool under DATA/spool (replayed now, so events a
 * crash left behind reach the store first) and one upstream per provider.
 */
export async function startGateway(options: {
  config: TokenopsConfig;
  dataDir: string;
  store: Store;
  pricer: () => Promise<Pricer>;
  log: (line: string) => void;
}): Promise<{ gateway: Gateway; spool: Spool; ledger?: Ledger }> {
  const { createGateway, createSpool } = await import('../gateway/index.ts');
  const { config } = options;
  const spool = await createSpool({
    directory: join(options.dataDir, 'spool'),
    store: options.store,
    pricer: options.pricer,
    flushIntervalMs: config.gateway.flushIntervalMs,
    log: options.log,
  });
  const providers = Object.fromEntries(
    Object.entries(config.providers).map(([name, provider]) => {
      const apiKey = readSecret(provider.apiKeyEnv);
      if (provider.apiKeyEnv && !apiKey) {
        throw new ConfigError(
          `providers.${name}.apiKeyEnv names ${provider.apiKeyEnv}, which is not set`,
          `export ${provider.apiKeyEnv}=<the provider key>, or remove apiKeyEnv to pass callers' keys through`,
        );
      }
      return [
        name,
        {
          ...(provider.baseUrl ? { baseUrl: provider.baseUrl } : {}),
          ...(apiKey ? { apiKey } : {}),
        },
      ];
    }),
  );
  const governance = await startGovernor(options);
  const gateway = await createGateway({
    registry: buildProviderRegistry(config),
    providers,
    untagged: config.tags.untagged,
    virtualKeys: config.keys,
    record: (event) => spool.append(event),
    upstreamTimeoutMs: config.gateway.upstreamTimeoutMs,
    maxRequestBytes: config.gateway.maxRequestBytes,
    ...(governance ? { governor: governance.governor } : {}),
    log: options.log,
  });
  return { gateway, spool, ...(governance ? { ledger: governance.ledger } : {}) };
}

/**
 * The ledger (Redis when redis.url is set, else this process) and the governor, with each
 * budget's spend so far this period read from the store first, so a restart forgets nothing.
 */
async function startGovernor(options: {
  config: TokenopsConfig;
  store: Store;
  pricer: () => Promise<Pricer>;
  log: (line: string) => void;
}): Promise<{ governor: CallGovernor; ledger: Ledger } | undefined> {
  const { config } = options;
  const known = new Set(config.keys.map((key) => key.name));
  for (const budget of config.budgets) {
    if (budget.virtualKey !== undefined && !known.has(budget.virtualKey)) {
      throw new ConfigError(
        `budgets "${budget.name}" names the virtual key "${budget.virtualKey}", which keys[] does not hold`,
        'use a name tokenops keys list shows, or create the key with tokenops keys create --name NAME',
      );
    }
  }
  if (config.budgets.length === 0 && config.policies.length === 0) return undefined;
  const { createCallGovernor, createMemoryLedger, createRedisLedger, syncBudgetSpend } =
    await import('../govern/index.ts');
  const ledger = config.redis.url
    ? await createRedisLedger(config.redis.url)
    : createMemoryLedger();
  await syncBudgetSpend(options.store, ledger, config.budgets, Date.now()).catch(
    (error: unknown) => {
      options.log(`governance: budget spend not read at start (${String(error)})`);
    },
  );
  const governor = createCallGovernor({
    budgets: config.budgets,
    policies: config.policies,
    ledger,
    pricer: await options.pricer(),
    defaultOutputTokens: config.governance.defaultOutputTokens,
    log: options.log,
  });
  return { governor, ledger };
}
