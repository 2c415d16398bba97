import { StoreError } from '../../domain/errors/index.ts';
import type { ClickHouseConnection } from './clickhouse-connection.ts';
import { ddlForLocation } from './migrations/ddl-for-location.ts';

/**
 * Runs a CREATE statement of the schema as the connection's location wants it (ON CLUSTER
 * with a replicated engine when store.url names a cluster). ON CLUSTER waits for every node,
 * so a node that is down or cut off from ZooKeeper fails it: the error says so.
 */
export async function runClickHouseDdl(
  connection: ClickHouseConnection,
  statement: string,
): Promise<void> {
  const { cluster } = connection.location;
  try {
    await connection.command(ddlForLocation(statement, connection.location));
  } catch (error) {
    if (cluster === undefined || !(error instanceof StoreError)) throw error;
    throw new StoreError(
      `${error.message} (while creating the schema ON CLUSTER ${cluster})`,
      `every node of cluster ${cluster} must be up and reach ZooKeeper while the schema is created or upgraded: start them, then run \`tokenops migrate\` again`,
    );
  }
}
