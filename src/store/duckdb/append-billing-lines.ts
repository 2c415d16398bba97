import { DuckDBTimestampValue, type DuckDBConnection } from '@duckdb/node-api';
import type { BillingLine } from '../../domain/billing-line.ts';
import { BILLING_LINE_COLUMNS } from '../billing-line-columns.ts';

/**
 * Stages lines with the appender and upserts them by id (the caller holds the transaction):
 * the same line imported again replaces itself, so a file imported twice changes nothing.
 * Returns how many ids were new.
 */
export async function upsertBillingLines(
  connection: DuckDBConnection,
  lines: readonly BillingLine[],
): Promise<number> {
  await connection.run(
    `CREATE TEMP TABLE IF NOT EXISTS staged_billing_lines AS SELECT ${BILLING_LINE_COLUMNS.join(', ')} FROM billing_lines LIMIT 0`,
  );
  await connection.run('DELETE FROM staged_billing_lines');
  const appender = await connection.createAppender('staged_billing_lines');
  const text = (value: string | undefined) =>
    value === undefined ? appender.appendNull() : appender.appendVarchar(value);
  const number = (value: number | undefined) =>
    value === undefined ? appender.appendNull() : appender.appendDouble(value);
  try {
    for (const line of lines) {
      appender.appendVarchar(line.id);
      appender.appendVarchar(line.format);
      appender.appendVarchar(line.role);
      appender.appendVarchar(line.provider);
      text(line.account);
      text(line.project);
      text(line.model);
      appender.appendVarchar(line.billedClass);
      text(line.serviceTier);
      text(line.contextTier);
      appender.appendTimestamp(new DuckDBTimestampValue(BigInt(line.periodStart) * 1000n));
      appender.appendTimestamp(new DuckDBTimestampValue(BigInt(line.periodEnd) * 1000n));
      number(line.quantity);
      number(line.cost);
      appender.appendVarchar(line.currency);
      text(line.description);
      text(line.tags && Object.keys(line.tags).length > 0 ? JSON.stringify(line.tags) : undefined);
      appender.endRow();
    }
    appender.flushSync();
  } finally {
    appender.closeSync();
  }
  const fresh = await connection.runAndReadAll(
    `SELECT count(DISTINCT id) AS fresh FROM staged_billing_lines s
     WHERE NOT EXISTS (SELECT 1 FROM billing_lines b WHERE b.id = s.id)`,
  );
  await connection.run(
    `INSERT OR REPLACE INTO billing_lines (${BILLING_LINE_COLUMNS.join(', ')})
     SELECT ${BILLING_LINE_COLUMNS.join(', ')} FROM staged_billing_lines
     QUALIFY row_number() OVER (PARTITION BY id) = 1`,
  );
  await connection.run('DELETE FROM staged_billing_lines');
  return Number(fresh.getRowObjectsJS()[0]?.fresh ?? 0);
}
