import type { RevenueLine } from '../../domain/revenue-line.ts';
import type { RevenueAppendResult } from '../revenue-append-result.ts';
import type { ClickHouseConnection } from './clickhouse-connection.ts';
import { escapeClickHouseText, quoteClickHouseText } from './render-clickhouse-query.ts';

const COLUMNS = ['feature', 'period', 'amount', 'currency', 'version'];

/**
 * Writes revenue lines as one insert, each row above the version of the (feature, period) it
 * replaces, so the table read FINAL holds the latest import of each month (a later line of the
 * same batch wins, as it would by replacing the one before). Counts pairs stored before.
 */
export async function upsertClickHouseRevenue(
  connection: ClickHouseConnection,
  lines: readonly RevenueLine[],
): Promise<RevenueAppendResult> {
  if (lines.length === 0) return { inserted: 0, replaced: 0 };
  const pairs = lines.map(
    (line) => `(${quoteClickHouseText(line.feature)}, ${quoteClickHouseText(line.period)})`,
  );
  const stored = await connection.rows(
    `SELECT feature, period, max(version) AS version FROM revenue
     WHERE (feature, period) IN (${[...new Set(pairs)].join(', ')}) GROUP BY feature, period`,
  );
  const storedKeys = new Set(stored.map((row) => key(String(row.feature), String(row.period))));
  const above = stored.reduce((max, row) => Math.max(max, Number(row.version)), 0);
  // Epoch microseconds: later imports sort above earlier ones without reading the table.
  const base = Math.max(Date.now() * 1000, above + 1);
  const text = lines
    .map((line, index) =>
      [
        escapeClickHouseText(line.feature),
        escapeClickHouseText(line.period),
        line.amount.toFixed(12),
        escapeClickHouseText(line.currency),
        String(base + index),
      ].join('\t'),
    )
    .join('\n');
  await connection.insertTabSeparated('revenue', COLUMNS, `${text}\n`);
  const inserted = lines.filter((line) => !storedKeys.has(key(line.feature, line.period))).length;
  return { inserted, replaced: lines.length - inserted };
}

const key = (feature: string, period: string): string => JSON.stringify([feature, period]);
