import { StoreError } from '../../domain/errors/index.ts';
import { ClickHouseConnection } from './clickhouse-connection.ts';
import type { ClickHouseLocation } from './clickhouse-url.ts';
import { quoteClickHouseText } from './render-clickhouse-query.ts';
import { runClickHouseDdl } from './run-clickhouse-ddl.ts';

/**
 * Connects to the location's database, creating it (on every node of a named cluster, which
 * is checked first) when this server has none. Created only when missing: ON CLUSTER waits
 * for every node, and a gateway must open its store while one node is down.
 */
export async function openClickHouseDatabase(
  location: ClickHouseLocation,
): Promise<ClickHouseConnection> {
  const bootstrap = ClickHouseConnection.open(location, 'default');
  try {
    if (location.cluster !== undefined) await checkClickHouseCluster(bootstrap, location.cluster);
    const [found] = await bootstrap.rows(
      `SELECT count() AS databases FROM system.databases
       WHERE name = ${quoteClickHouseText(location.database)}`,
    );
    if (Number(found?.databases ?? 0) === 0) {
      await runClickHouseDdl(bootstrap, `CREATE DATABASE IF NOT EXISTS ${location.database}`);
    }
  } finally {
    await bootstrap.close();
  }
  return ClickHouseConnection.open(location);
}

/**
 * The cluster must be in the server's remote_servers and have one shard: every node then holds
 * every event, and a report on any node counts them all (tokenops writes no Distributed table).
 */
async function checkClickHouseCluster(
  connection: ClickHouseConnection,
  cluster: string,
): Promise<void> {
  const { origin } = connection.location;
  const [row] = await connection.rows(
    `SELECT count() AS replicas, uniqExact(shard_num) AS shards
     FROM system.clusters WHERE cluster = ${quoteClickHouseText(cluster)}`,
  );
  const shards = Number(row?.shards ?? 0);
  if (Number(row?.replicas ?? 0) === 0) {
    throw new StoreError(
      `ClickHouse at ${origin} has no cluster ${cluster} in its remote_servers`,
      `add cluster ${cluster} (one shard, every node a replica) to remote_servers on every node, or fix ?cluster= in store.url (docs/deployment.md)`,
    );
  }
  if (shards > 1) {
    throw new StoreError(
      `cluster ${cluster} at ${origin} has ${shards} shards; tokenops keeps every event on every replica of one shard`,
      'name a cluster of one shard whose replicas are the ClickHouse nodes (docs/deployment.md)',
    );
  }
}
