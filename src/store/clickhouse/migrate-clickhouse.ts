import { StoreError } from '../../domain/errors/index.ts';
import { ClickHouseConnection } from './clickhouse-connection.ts';
import {
  CLICKHOUSE_MIGRATIONS,
  CLICKHOUSE_SCHEMA_VERSION,
} from './migrations/clickhouse-migrations.ts';

/**
 * Brings the database to the latest schema. A migration's version is recorded after all its
 * statements ran; each statement may run again, so an interrupted upgrade is re-run whole.
 */
export async function migrateClickHouse(connection: ClickHouseConnection): Promise<number> {
  await connection.command(
    `CREATE TABLE IF NOT EXISTS schema_migrations (version UInt32, name String, applied_at DateTime)
     ENGINE = MergeTree ORDER BY version`,
  );
  const current = await readClickHouseSchemaVersion(connection);
  if (current > CLICKHOUSE_SCHEMA_VERSION) {
    throw new StoreError(
      `the ClickHouse database has schema version ${current}, newer than this tokenops understands (${CLICKHOUSE_SCHEMA_VERSION})`,
      'upgrade tokenops, or point store.url at another database',
    );
  }
  for (const migration of CLICKHOUSE_MIGRATIONS.filter((item) => item.version > current)) {
    for (const statement of migration.statements) await connection.command(statement);
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
