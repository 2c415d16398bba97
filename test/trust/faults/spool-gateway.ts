import { join } from 'node:path';
import { createGateway, createSpool, type Spool } from '../../../src/gateway/index.ts';
import type { PricedUsageEvent } from '../../../src/domain/usage-event.ts';
import { createPricer } from '../../../src/pricing/index.ts';
import { createProviderRegistry } from '../../../src/providers/index.ts';
import { createApp } from '../../../src/server/app.ts';
import { DuckDbStore } from '../../../src/store/duckdb/duckdb-store.ts';
import type { Store } from '../../../src/store/store.ts';
import { listen } from '../../helpers/listen.ts';

/** The store's ways to write events: a store that is down refuses each. */
const EVENT_WRITES = new Set(['append', 'appendNew', 'appendColumns', 'appendNewColumns']);

export interface SpoolGateway {
  base: string;
  spool: Spool;
  /** What the spool and the gateway logged. */
  logs: string[];
  /** Every stored event, after moving what the spool holds into the store (when it is up). */
  events(): Promise<PricedUsageEvent[]>;
  close(): Promise<void>;
}

/**
 * The gateway of `tokenops start` with its spool under DIRECTORY/spool and a DuckDB store
 * beside it that refuses every write while `storeUp()` is false. Started again on the same
 * directory, it replays what the last run left in the spool, as a restart does.
 */
export async function startSpoolGateway(options: {
  directory: string;
  openaiUrl: string;
  storeUp: () => boolean;
}): Promise<SpoolGateway> {
  const store = await DuckDbStore.open(join(options.directory, 'tokenops.duckdb'));
  const failing = new Proxy(store, {
    get(target, property, receiver) {
      if (typeof property === 'string' && EVENT_WRITES.has(property) && !options.storeUp()) {
        return () => Promise.reject(new Error('store unavailable'));
      }
      return Reflect.get(target, property, receiver) as unknown;
    },
  }) as Store;
  const registry = createProviderRegistry([]);
  const pricer = createPricer({ registry });
  const logs: string[] = [];
  const log = (line: string) => logs.push(line);
  const spool = await createSpool({
    directory: join(options.directory, 'spool'),
    store: failing,
    pricer: () => Promise.resolve(pricer),
    flushIntervalMs: 50,
    log,
  });
  const gateway = createGateway({
    registry,
    providers: { openai: { baseUrl: options.openaiUrl } },
    untagged: 'accept',
    virtualKeys: [],
    record: (event) => spool.append(event),
    upstreamTimeoutMs: 10_000,
    maxRequestBytes: 1024 * 1024,
    log,
  });
  const server = createApp({ store, version: 'test', gateway, pricer, log });
  const base = await listen(server);
  return {
    base,
    spool,
    logs,
    async events() {
      await spool.flush();
      const all: PricedUsageEvent[] = [];
      for await (const batch of store.eventsBetween(0, Date.now() + 86_400_000, 10_000)) {
        all.push(...batch);
      }
      return all;
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
