import type { DuckDBConnection } from '@duckdb/node-api';
import type { RevenueLine } from '../../domain/revenue-line.ts';

/**
 * Stages revenue lines with the appender and upserts them by (feature, period); the caller
 * holds the transaction. Importing the same file again replaces its months instead of adding
 * to them. Returns how many pairs were new.
 */
export async function upsertRevenue(
  connection: DuckDBConnection,
  lines: readonly RevenueLine[],
): Promise<number> {
  await connection.run(
    'CREATE TEMP TABLE IF NOT EXISTS staged_revenue AS SELECT feature, period, amount, currency FROM revenue LIMIT 0',
  );
  await connection.run('DELETE FROM staged_revenue');
  const appender = await connection.createAppender('staged_revenue');
  try {
    for (const line of lines) {
      appender.appendVarchar(line.feature);
      appender.appendVarchar(line.period);
      appender.appendDouble(line.amount);
      appender.appendVarchar(line.currency);
      appender.endRow();
    }
    appender.flushSync();
  } finally {
    appender.closeSync();
  }
  const fresh = await connection.runAndReadAll(
    `SELECT count(*) AS fresh FROM staged_revenue s
     WHERE NOT EXISTS (SELECT 1 FROM revenue r WHERE r.feature = s.feature AND r.period = s.period)`,
  );
  await connection.run(
    `INSERT OR REPLACE INTO revenue (feature, period, amount, currency)
     SELECT feature, period, amount, currency FROM staged_revenue`,
  );
  await connection.run('DELETE FROM staged_revenue');
  return Number(fresh.getRowObjectsJS()[0]?.fresh ?? 0);
}
