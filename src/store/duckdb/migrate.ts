import type { DuckDBConnection } from '@duckdb/node-api';
import { StoreError } from '../../domain/errors/index.ts';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from './migrations/migrations.ts';

/** Brings the file to the latest schema; each migration commits whole or not at all. */
export async function migrate(connection: DuckDBConnection): Promise<number> {
  await connection.run(
    'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL DEFAULT current_timestamp)',
  );
  const current = await readSchemaVersion(connection);
  if (current > LATEST_SCHEMA_VERSION) {
    throw new StoreError(
      `the store has schema version ${current}, newer than this tokenops understands (${LATEST_SCHEMA_VERSION})`,
      'upgrade tokenops, or point --data at another directory',
    );
  }
  for (const migration of MIGRATIONS.filter((item) => item.version > current)) {
    await connection.run('BEGIN TRANSACTION');
    try {
      for (const statement of migration.statements) await connection.run(statement);
      await connection.run('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [
        migration.version,
        migration.name,
      ]);
      await connection.run('COMMIT');
    } catch (error) {
      await connection.run('ROLLBACK');
      throw error;
    }
  }
  return LATEST_SCHEMA_VERSION;
}

export async function readSchemaVersion(connection: DuckDBConnection): Promise<number> {
  const reader = await connection.runAndReadAll(
    'SELECT COALESCE(max(version), 0) AS version FROM schema_migrations',
  );
  return Number(reader.getRowObjects()[0]?.version ?? 0);
}
