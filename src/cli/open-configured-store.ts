import { join, resolve } from 'node:path';
import type { TokenopsConfig } from '../config/index.ts';
import { ConfigError } from '../domain/errors/index.ts';
import type { DuckDbWorkload } from '../store/duckdb/open-duckdb.ts';
import type { Store } from '../store/store.ts';

export const DEFAULT_STORE_FILE = 'tokenops.duckdb';

/**
 * Picks the store adapter from store.url; the embedded DuckDB file by default. `server` for
 * `tokenops start`, which appends for hours: DuckDB then checkpoints sooner, bounding memory,
 * and runs on its own thread (DuckDbThreadStore).
 */
export async function openConfiguredStore(
  config: TokenopsConfig,
  dataDir: string,
  workload: DuckDbWorkload = 'bulk',
): Promise<Store> {
  const url = config.store.url;
  if (url === undefined || url.startsWith('duckdb:')) {
    const path = url ? resolve(url.slice('duckdb:'.length)) : join(dataDir, DEFAULT_STORE_FILE);
    // A server keeps DuckDB on a thread of its own, away from the thread answering calls
    // (which then never loads DuckDB's bindings itself).
    if (workload === 'server') {
      const { DuckDbThreadStore } = await import('../store/duckdb/duckdb-thread-store.ts');
      return DuckDbThreadStore.open(path, workload);
    }
    const { DuckDbStore } = await import('../store/duckdb/duckdb-store.ts');
    return DuckDbStore.open(path, workload);
  }
  if (url.startsWith('clickhouse://')) {
    // Loaded on first use: a DuckDB user never loads the ClickHouse client.
    const { ClickHouseStore } = await import('../store/clickhouse/clickhouse-store.ts');
    return ClickHouseStore.open(url);
  }
  throw new ConfigError(
    `store.url ${url.split('://')[0] ?? 'this'}:// is not available in this version`,
    'use duckdb:PATH or clickhouse://HOST:PORT/DB, or remove store.url to use the embedded store under --data',
  );
}
