import type { BillingLine } from '../../domain/billing-line.ts';
import { StoreError } from '../../domain/errors/index.ts';
import type { BillingAppendResult } from '../store.ts';
import type { ClickHouseConnection } from './clickhouse-connection.ts';
import { escapeClickHouseText, quoteClickHouseText } from './render-clickhouse-query.ts';
import { BILLING_LINE_COLUMNS } from '../billing-line-columns.ts';

// ClickHouse adds the version a replacing row is read by (FINAL).
const COLUMNS = [...BILLING_LINE_COLUMNS, 'version'];

/**
 * Writes bill lines as one insert (ClickHouse parses it whole before writing, so a bad line
 * stores nothing), each row above the version of the line it replaces, so the table read
 * FINAL holds the latest import of each id (a later line of the same batch wins). Counts the
 * ids stored before, as DuckDB's upsert does.
 */
export async function upsertClickHouseBillingLines(
  connection: ClickHouseConnection,
  lines: readonly BillingLine[],
): Promise<BillingAppendResult> {
  if (lines.length === 0) return { inserted: 0, replaced: 0 };
  const rows = lines.map(lineCells);
  const ids = [...new Set(lines.map((line) => line.id))];
  const stored = await connection.rows(
    `SELECT id, max(version) AS version FROM billing_lines
     WHERE id IN (${ids.map(quoteClickHouseText).join(', ')}) GROUP BY id`,
  );
  const above = stored.reduce((max, row) => Math.max(max, Number(row.version)), 0);
  // Epoch microseconds: later imports sort above earlier ones without reading the table.
  const base = Math.max(Date.now() * 1000, above + 1);
  const text = rows.map((cells, index) => [...cells, String(base + index)].join('\t')).join('\n');
  await connection.insertTabSeparated('billing_lines', COLUMNS, `${text}\n`);
  return { inserted: ids.length - stored.length, replaced: stored.length };
}

/** A line's TabSeparated cells but the version; refuses one DuckDB could not store either. */
function lineCells(line: BillingLine): string[] {
  const text = (value: string | undefined) =>
    value === undefined ? '\\N' : escapeClickHouseText(value);
  const time = (value: number, name: string) => {
    if (!Number.isSafeInteger(value)) throw invalid(name);
    return String(value);
  };
  const number = (value: number | undefined, name: string, asText: (value: number) => string) => {
    if (value === undefined) return '\\N';
    if (!Number.isFinite(value)) throw invalid(name);
    return asText(value);
  };
  return [
    text(line.id),
    text(line.format),
    text(line.role),
    text(line.provider),
    text(line.account),
    text(line.project),
    text(line.model),
    text(line.billedClass),
    text(line.serviceTier),
    text(line.contextTier),
    time(line.periodStart, 'period start'),
    time(line.periodEnd, 'period end'),
    number(line.quantity, 'quantity', String),
    // Decimal text with the column's 12 places: ClickHouse keeps it exactly.
    number(line.cost, 'cost', (cost) => cost.toFixed(12)),
    text(line.currency),
    text(line.description),
    text(line.tags && Object.keys(line.tags).length > 0 ? JSON.stringify(line.tags) : undefined),
  ];
}

function invalid(field: string): StoreError {
  return new StoreError(
    `a bill line has no valid ${field}; nothing of the batch was stored`,
    'check the bill file, and report it as a bug if tokenops read it wrongly',
  );
}
