import { join } from 'node:path';
import {
  createGateway,
  createPayloadLog,
  createSpool,
  type GatewayOptions,
  type Spool,
  type VirtualKey,
} from '../../src/gateway/index.ts';
import { createPricer } from '../../src/pricing/index.ts';
import { createProviderRegistry, type CompatibleProvider } from '../../src/providers/index.ts';
import { createApp } from '../../src/server/app.ts';
import { DuckDbStore } from '../../src/store/duckdb/duckdb-store.ts';
import type { Store } from '../../src/store/store.ts';
import type { PricedUsageEvent } from '../../src/domain/usage-event.ts';
import { listen } from './listen.ts';
import {
  createCallGovernor,
  createMemoryLedger,
  type Budget,
  type Ledger,
  type Policy,
  type UsualOutput,
} from '../../src/govern/index.ts';

export interface GatewayHarnessOptions {
  directory: string;
  providers: Record<string, { baseUrl?: string; apiKey?: string }>;
  compatible?: CompatibleProvider[];
  untagged?: 'accept' | 'reject';
  virtualKeys?: VirtualKey[];
  upstreamTimeoutMs?: number;
  maxRequestBytes?: number;
  /** Wraps the store, e.g. to make it fail. */
  wrapStore?: (store: Store) => Store;
  /** Budgets and policies; the ledger is in process unless one is given. */
  governance?: {
    budgets?: Budget[];
    policies?: Policy[];
    ledger?: Ledger;
    defaultOutputTokens?: number;
    usualOutput?: UsualOutput;
    now?: () => number;
  };
  /** Routing, cache, context and output rules; avoided costs are priced with the harness's pricer. */
  optimization?: GatewayOptions['optimization'];
  maxConcurrentStreams?: number;
  /** Prompts and answers written, redacted, to DIRECTORY/payloads. */
  payloadLog?: { maxBytes: number; redact: { pattern: string; replacement: string }[] };
}

export interface GatewayHarness {
  base: string;
  store: DuckDbStore;
  spool: Spool;
  /** What the gateway logged, oldest first. */
  logs: readonly string[];
  /** Every stored event, oldest first, after moving the spool into the store. */
  events(): Promise<PricedUsageEvent[]>;
  close(): Promise<void>;
}

/** `tokenops start` in-process: a DuckDB file, the spool, the gateway and the API on one port. */
export async function startGatewayHarness(options: GatewayHarnessOptions): Promise<GatewayHarness> {
  const store = await DuckDbStore.open(join(options.directory, 'tokenops.duckdb'));
  const registry = createProviderRegistry(options.compatible ?? []);
  const pricer = createPricer({ registry });
  const logs: string[] = [];
  const log = (line: string) => logs.push(line);
  const spool = await createSpool({
    directory: join(options.directory, 'spool'),
    store: options.wrapStore ? options.wrapStore(store) : store,
    pricer: () => Promise.resolve(pricer),
    flushIntervalMs: 50,
    log,
  });
  const governance = options.governance;
  const gateway = createGateway({
    registry,
    providers: options.providers,
    untagged: options.untagged ?? 'accept',
    virtualKeys: options.virtualKeys ?? [],
    record: (event) => spool.append(event),
    upstreamTimeoutMs: options.upstreamTimeoutMs ?? 10_000,
    maxRequestBytes: options.maxRequestBytes ?? 1024 * 1024,
    ...(governance
      ? {
          governor: createCallGovernor({
            budgets: () => governance.budgets ?? [],
            policies: governance.policies ?? [],
            ledger: governance.ledger ?? createMemoryLedger(),
            pricer,
            defaultOutputTokens: governance.defaultOutputTokens ?? 1000,
            ...(governance.now ? { now: governance.now } : {}),
            ...(governance.usualOutput ? { usualOutput: governance.usualOutput } : {}),
            log,
          }),
        }
      : {}),
    ...(options.optimization
      ? { optimization: { pricer: () => Promise.resolve(pricer), ...options.optimization } }
      : {}),
    ...(options.maxConcurrentStreams === undefined
      ? {}
      : { maxConcurrentStreams: options.maxConcurrentStreams }),
    ...(options.payloadLog
      ? {
          payloadLog: createPayloadLog({
            directory: join(options.directory, 'payloads'),
            ...options.payloadLog,
            log,
          }),
        }
      : {}),
    log,
  });
  const server = createApp({ store, version: 'test', gateway, pricer, log });
  const base = await listen(server);
  return {
    base,
    store,
    spool,
    logs,
    async events() {
      await spool.flush();
      const all: PricedUsageEvent[] = [];
      for await (const batch of store.eventsBetween(0, Date.now() + 86_400_000, 10_000)) {
        all.push(...batch);
      }
      return all.sort((left, right) => left.timestamp - right.timestamp);
    },
    async close() {
      server.closeAllConnections();
      server.close();
      await gateway.close();
      await spool.close();
      await store.close();
    },
  };
}
