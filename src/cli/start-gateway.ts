import { join } from 'node:path';
import { createPayloadLog } from '../gateway/index.ts';
import { readSecret, type TokenopsConfig } from '../config/index.ts';
import { ConfigError } from '../domain/errors/index.ts';
import type { Gateway, Spool } from '../gateway/index.ts';
import type { Pricer } from '../pricing/index.ts';
import type { Store } from '../store/store.ts';
import { isThreadHost } from '../store/thread-host.ts';
import type { CallGovernor } from '../govern/index.ts';
import { createEventBatchReader } from '../ingest/index.ts';
import { buildPricerSpec, buildProviderRegistry } from './build-pricer.ts';
import { buildGatewayOptimization } from './build-gateway-optimization.ts';
import { spoolFlushIntervalMs } from './spool-flush-interval.ts';

/**
 * The gateway of `tokenops start`: the spool under DATA/spool (replayed now, so events a
 * crash left behind reach the store first) and one upstream per provider. Spooled events are
 * parsed and priced on a worker thread, off the thread that answers callers.
 */
export async function startGateway(options: {
  config: TokenopsConfig;
  dataDir: string;
  store: Store;
  pricer: () => Promise<Pricer>;
  log: (line: string) => void;
  governor?: CallGovernor;
}): Promise<{ gateway: Gateway; spool: Spool }> {
  const { createGateway, createSpool } = await import('../gateway/index.ts');
  const { config } = options;
  // On the store's thread when it has one (the embedded store under `tokenops start`): a thread
  // of the reader's own held a heap that peaked near 50 MB under load. Otherwise one thread with
  // an 8 MB young generation: it reads a segment a second, and V8 let it grow to 32 MB.
  const segments = createEventBatchReader(
    buildPricerSpec(config),
    1,
    8,
    isThreadHost(options.store) ? options.store : undefined,
  );
  // Started now, alongside the rest of the start-up, not at the first flush: the thread's own
  // start (loading the price catalog) used to land in the gateway's first second of traffic.
  const readerStarted = segments.readSpool(new Uint8Array(0));
  const spool = await createSpool({
    directory: join(options.dataDir, 'spool'),
    store: options.store,
    pricer: options.pricer,
    reader: { read: (bytes) => segments.readSpool(bytes), close: () => segments.close() },
    flushIntervalMs: spoolFlushIntervalMs(config),
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
  const optimization = await buildGatewayOptimization(config, options.pricer);
  const gateway = createGateway({
    registry: buildProviderRegistry(config),
    providers,
    untagged: config.tags.untagged,
    virtualKeys: config.keys,
    record: (event) => spool.append(event),
    upstreamTimeoutMs: config.gateway.upstreamTimeoutMs,
    maxRequestBytes: config.gateway.maxRequestBytes,
    maxConcurrentStreams: config.limits.concurrentStreams,
    ...(options.governor ? { governor: options.governor } : {}),
    ...(optimization ? { optimization } : {}),
    ...(config.logging.payloads.enabled
      ? {
          payloadLog: createPayloadLog({
            directory: join(options.dataDir, 'payloads'),
            maxBytes: config.logging.payloads.maxBytes,
            redact: config.logging.payloads.redact,
            log: options.log,
          }),
        }
      : {}),
    log: options.log,
  });
  await readerStarted;
  return { gateway, spool };
}
