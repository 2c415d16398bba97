import type { DuckDBConnection } from '@duckdb/node-api';
import { textCell } from '../sql/text-cell.ts';

/** Which of these event ids are already stored: only the ids cross into DuckDB, not the rows. */
export async function findStoredIds(
  connection: DuckDBConnection,
  ids: readonly string[],
): Promise<Set<string>> {
  await connection.run('CREATE TEMP TABLE IF NOT EXISTS staged_ids (id VARCHAR)');
  await connection.run('DELETE FROM staged_ids');
  const appender = await connection.createAppender('staged_ids');
  try {
    for (const id of ids) {
      appender.appendVarchar(id);
      appender.endRow();
    }
    appender.flushSync();
  } finally {
    appender.closeSync();
  }
  const reader = await connection.runAndReadAll(
    'SELECT DISTINCT e.id FROM events e JOIN staged_ids s ON s.id = e.id',
  );
  await connection.run('DELETE FROM staged_ids');
  return new Set(reader.getRowObjectsJS().map((row) => textCell(row.id)));
}
