import { StoreError } from '../../domain/errors/index.ts';
import { ClickHouseConnection } from './clickhouse-connection.ts';
import {
  CLICKHOUSE_MIGRATIONS,
  CLICKHOUSE_SCHEMA_VERSION,
} from './migrations/clickhouse-migrations.ts';
import { runClickHouseDdl } from './run-clickhouse-ddl.ts';

const SCHEMA_MIGRATIONS = `CREATE TABLE IF NOT EXISTS schema_migrations (version UInt32, name String, applied_at DateTime)
     ENGINE = MergeTree ORDER BY version`;

/**
 * Brings the database to the latest schema. A migration's version is recorded after all its
 * statements ran; each statement may run again, so an interrupted upgrade is re-run whole.
 * On a cluster (store.url's ?cluster=) each statement runs ON CLUSTER with a replicated
 * engine; a schema already current runs none, so opening the store needs no other node.
 */
export async function migrateClickHouse(connection: ClickHouseConnection): Promise<number> {
  if (!(await hasSchemaMigrations(connection))) {
    await runClickHouseDdl(connection, SCHEMA_MIGRATIONS);
  }
  if (connection.location.cluster !== undefined) await refuseUnreplicatedTables(connection);
  const current = await readClickHouseSchemaVersion(connection);
  if (current > CLICKHOUSE_SCHEMA_VERSION) {
    throw new StoreError(
      `the ClickHouse database has schema version ${current}, newer than this tokenops understands (${CLICKHOUSE_SCHEMA_VERSION})`,
      'upgrade tokenops, or point store.url at another database',
    );
  }
  for (const migration of CLICKHOUSE_MIGRATIONS.filter((item) => item.version > current)) {
    for (const statement of migration.statements) await runClickHouseDdl(connection, statement);
    await connection.command(
      `INSERT INTO schema_migrations (version, name, applied_at)
       VALUES (${migration.version}, ${ClickHouseConnection.literal(migration.name)}, now())`,
    );
  }
  return CLICKHOUSE_SCHEMA_VERSION;
}

export async function readClickHouseSchemaVersion(
  connection: ClickHouseConnection,
): Promise<number> {
  const [row] = await connection.rows('SELECT max(version) AS version FROM schema_migrations');
  return Number(row?.version ?? 0);
}

async function hasSchemaMigrations(connection: ClickHouseConnection): Promise<boolean> {
  const [row] = await connection.rows(
    `SELECT count() AS tables FROM system.tables
     WHERE database = currentDatabase() AND name = 'schema_migrations'`,
  );
  return Number(row?.tables ?? 0) > 0;
}

/**
 * ?cluster= creates replicated tables but cannot convert tables a single server made: left
 * alone, they would look clustered and replicate nothing.
 */
async function refuseUnreplicatedTables(connection: ClickHouseConnection): Promise<void> {
  const rows = await connection.rows(
    `SELECT name FROM system.tables
     WHERE database = currentDatabase() AND engine NOT LIKE 'Replicated%' ORDER BY name`,
  );
  if (rows.length === 0) return;
  const { database, origin } = connection.location;
  throw new StoreError(
    `database ${database} at ${origin} holds tables that are not replicated (${rows.map((row) => String(row.name)).join(', ')}); ?cluster= does not convert them`,
    `copy the data into a new database opened with ?cluster= (INSERT INTO new.TABLE SELECT * FROM ${database}.TABLE), or remove ?cluster= from store.url`,
  );
}
