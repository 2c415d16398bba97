import { join } from 'node:path';
import { after, before } from 'node:test';
import { createApp } from '../../src/server/app.ts';
import { DuckDbStore } from '../../src/store/duckdb/duckdb-store.ts';
import type { ReportRow } from '../../src/store/report-spec.ts';
import { listen } from './listen.ts';
import { tempDirectory } from './temp-directory.ts';

export interface StoreServer {
  store: DuckDbStore;
  server: ReturnType<typeof createApp>;
  base: string;
}

/**
 * One server with its own store per name, started before the suite and closed after it, so
 * the same data sent two ways can be compared report row for row.
 */
export function storeServers(prefix: string, names: readonly string[]) {
  const servers: StoreServer[] = [];
  const directory = tempDirectory(prefix);
  before(async () => {
    for (const name of names) {
      const store = await DuckDbStore.open(join(directory, `${name}.duckdb`));
      const server = createApp({ store, version: 'test' });
      servers.push({ store, server, base: await listen(server) });
    }
  });
  after(async () => {
    for (const { server, store } of servers) {
      server.close();
      await store.close();
    }
  });
  const report = async (at: number): Promise<ReportRow[]> =>
    (await (
      await fetch(`${servers[at]?.base}/api/v1/report?by=provider,model,team,service,environment`)
    ).json()) as ReportRow[];
  return { servers, report };
}
