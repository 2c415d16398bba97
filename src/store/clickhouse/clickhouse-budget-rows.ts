import type { Budget } from '../../domain/budget.ts';
import type { ClickHouseConnection } from './clickhouse-connection.ts';
import { nextClickHouseVersion } from './next-clickhouse-version.ts';
import { textCell } from '../sql/text-cell.ts';
import { escapeClickHouseText, quoteClickHouseText } from './render-clickhouse-query.ts';

const COLUMNS = ['name', 'definition', 'deleted', 'version'];

/** Creates or replaces a budget by name; true when it was new (none stored, or deleted). */
export async function upsertClickHouseBudget(
  connection: ClickHouseConnection,
  budget: Budget,
): Promise<boolean> {
  const stored = await readStored(connection, budget.name);
  await writeBudget(connection, budget.name, JSON.stringify(budget), false, stored.version);
  return !stored.live;
}

/** Deletes a budget by name (a tombstone row); true when one was stored. */
export async function removeClickHouseBudget(
  connection: ClickHouseConnection,
  name: string,
): Promise<boolean> {
  const stored = await readStored(connection, name);
  if (!stored.live) return false;
  await writeBudget(connection, name, '', true, stored.version);
  return true;
}

/** The stored budgets by name. */
export async function selectClickHouseBudgets(connection: ClickHouseConnection): Promise<Budget[]> {
  // `deleted` is outside the sort key: filter the latest row of each name (FINAL in a
  // subquery, which ClickHouse does not push the WHERE into), never an older one.
  const rows = await connection.rows(
    `SELECT name, definition FROM (SELECT name, definition, deleted FROM budgets FINAL)
     WHERE deleted = 0 ORDER BY name`,
  );
  return rows.map((row) => JSON.parse(textCell(row.definition)) as Budget);
}

/** Whether a budget of this name is stored now, and the highest version written for it. */
async function readStored(
  connection: ClickHouseConnection,
  name: string,
): Promise<{ live: boolean; version: number }> {
  // A condition on the sort key: every version of the name passes, so FINAL sees them all.
  const [row] = await connection.rows(
    `SELECT deleted, version FROM budgets FINAL WHERE name = ${quoteClickHouseText(name)}`,
  );
  return row === undefined
    ? { live: false, version: 0 }
    : { live: Number(row.deleted) === 0, version: Number(row.version) };
}

async function writeBudget(
  connection: ClickHouseConnection,
  name: string,
  definition: string,
  deleted: boolean,
  stored: number,
): Promise<void> {
  const cells = [
    escapeClickHouseText(name),
    escapeClickHouseText(definition),
    deleted ? '1' : '0',
    String(nextClickHouseVersion(stored)),
  ];
  await connection.insertTabSeparated('budgets', COLUMNS, `${cells.join('\t')}\n`);
}
